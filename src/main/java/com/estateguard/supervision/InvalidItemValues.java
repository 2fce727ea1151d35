package com.estateguard.supervision;

import com.estateguard.common.DomainException;
import java.util.List;

/** Values no item rule allows; each names the item and why (a message key with arguments). */
public class InvalidItemValues extends DomainException {

    /** One refused value: {@code messageKey} with {@code args} says why. */
    public record Refusal(long itemId, String itemText, String messageKey, List<Object> args) {
    }

    private final List<Refusal> refusals;

    public InvalidItemValues(List<Refusal> refusals) {
        super("supervision.error.itemValues", refusals.size(), named(refusals));
        this.refusals = List.copyOf(refusals);
    }

    /** The items refused, each by the start of its text, for the message. */
    private static String named(List<Refusal> refusals) {
        return String.join("；", refusals.stream()
                .map(r -> r.itemText() == null ? "#" + r.itemId() : r.itemText().length() > 24 ? r.itemText().substring(0, 24) + "…" : r.itemText())
                .toList());
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
