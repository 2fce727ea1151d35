package com.estateguard.common.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Why a JSON body could not be read, as a client can act on it: the whole body (not JSON, a
 * duplicate key, beyond the parser's limits) or one field (wrong type, unknown enum value, a
 * number out of range), with the field's path ({@code members[1].evidence.temperature.celsius}).
 */
record UnreadableJson(String code, String messageKey, String field, String fieldCode, String expected) {

    static UnreadableJson of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof JacksonException jackson)) {
            return body("MALFORMED_JSON", "error.unreadable.syntax");
        }
        if (cause instanceof StreamConstraintsException) {
            return body("JSON_TOO_COMPLEX", "error.unreadable.tooComplex");
        }
        String field = path(jackson);
        if (cause instanceof InputCoercionException && !field.isEmpty()) {
            return field(field, "OUT_OF_RANGE", "");
        }
        if (cause instanceof StreamReadException read) {
            String message = String.valueOf(read.getOriginalMessage());
            return message.startsWith("Duplicate") ? body("DUPLICATE_KEY", "error.unreadable.duplicateKey")
                    : body("MALFORMED_JSON", "error.unreadable.syntax");
        }
        if (field.isEmpty()) {
            return body("MALFORMED_JSON", "error.unreadable.syntax");
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return field(field, "UNKNOWN_VALUE", Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return field(field, "INVALID_CHARACTERS", "");
        }
        if (cause instanceof InvalidNullException) {
            return field(field, "NOT_NULL", "");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return field(field, "WRONG_TYPE", typeName(mismatch.getTargetType()));
        }
        if (cause instanceof ValueInstantiationException) {
            return field(field, "INVALID", "");
        }
        return field(field, "WRONG_TYPE", "");
    }

    private static UnreadableJson body(String code, String messageKey) {
        return new UnreadableJson(code, messageKey, null, null, null);
    }

    private static UnreadableJson field(String field, String fieldCode, String expected) {
        return new UnreadableJson("VALIDATION_FAILED", "error.validation", field, fieldCode, expected);
    }

    /** The JSON path of the value that failed, e.g. {@code members[0].evidence.nat.sampledAt}; empty at the root. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class || type.isEnum() || type == java.util.UUID.class || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "string";
        }
        return "object";
    }
}
