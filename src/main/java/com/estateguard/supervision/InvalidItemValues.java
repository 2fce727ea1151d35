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
        super("supervision.error.itemValues");
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
