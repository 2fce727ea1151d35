package com.estateguard.policy.internal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * What is wrong with each field of a posted policy, by the field's name ({@code natWindowHours},
 * {@code hygiene.chlorineMinMgL}): a message key and its arguments after the field's label. The
 * first problem of a field is kept; the page shows each under its field.
 */
final class FieldErrors {

    private record Problem(String code, Object[] args) {
    }

    private final Map<String, Problem> problems = new LinkedHashMap<>();

    void empty(String field) {
        add(field, "policy.field.empty");
    }

    void invalid(String field) {
        add(field, "policy.field.invalid");
    }

    /** Outside its bounds; either bound may be null (none). */
    void outOfRange(String field, String min, String max) {
        if (min != null && max != null) {
            add(field, "policy.field.range", min, max);
        } else if (min != null) {
            add(field, "policy.field.min", min);
        } else if (max != null) {
            add(field, "policy.field.max", max);
        } else {
            invalid(field);
        }
    }

    void add(String field, String code, Object... args) {
        problems.putIfAbsent(field, new Problem(code, args));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    boolean has(String field) {
        return problems.containsKey(field);
    }

    /** Each field's message in the user's language, starting with the field's label. */
    Map<String, String> messages(MessageSource messages, Locale locale) {
        Map<String, String> shown = new LinkedHashMap<>();
        problems.forEach((field, problem) -> {
            String label = messages.getMessage(labelKey(field), null, field, locale);
            Object[] args = new Object[problem.args().length + 1];
            args[0] = label;
            System.arraycopy(problem.args(), 0, args, 1, problem.args().length);
            shown.put(field, messages.getMessage(problem.code(), args, locale));
        });
        return shown;
    }

    private static String labelKey(String field) {
        return switch (field) {
            case "curfewStart", "curfewEnd" -> "param.curfew";
            case "name" -> "policy.name";
            case "effectiveFrom" -> "policy.effective";
            case "scopePath" -> "policy.scope";
            default -> "param." + field;
        };
    }
}
