package com.estateguard.common;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Why a rule did not pass. The code is the module's own enum (the checkpoint's {@code ReasonCode},
 * a hygiene {@code Issue}, …), what reports count and the API returns; the message key and its
 * arguments say it in the reader's language through the message bundles, so a rule never holds text.
 */
public record Reason<T extends Enum<T>>(T code, String messageKey, List<Object> args) implements Serializable {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageKey, "messageKey");
        // Not List.copyOf: an argument may be null (e.g. where someone came back from, when not recorded).
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static <T extends Enum<T>> Reason<T> of(T code, String messageKey, Object... args) {
        return new Reason<>(code, messageKey, Arrays.asList(args));
    }

    /** The arguments as a {@code MessageSource} and a {@code DomainException} take them. */
    public Object[] arguments() {
        return args.toArray();
    }
}
