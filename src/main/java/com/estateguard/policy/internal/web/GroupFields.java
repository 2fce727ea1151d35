package com.estateguard.policy.internal.web;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.internal.PolicyGroups;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The fields of every module's policy group in the editor and on the version page, made from the
 * group's record alone: one field per component, named {@code <key>.<component>}, labelled by the
 * message {@code param.<key>.<component>} and bounded by the component's constraint annotations.
 * So a new module's group shows, and is bound, with no edit to the policy pages.
 */
@Component
class GroupFields {

    /** One number (or time, yes/no, text) of a group, as an input and as a row of the version page. */
    record Field(String name, String label, String input, String min, String max, String step, String value) {

        public boolean checked() {
            return "true".equals(value);
        }
    }

    /** A group with its heading (the message {@code param.<key>}) and its fields in the record's order. */
    record Group(String key, String heading, List<Field> fields) {
    }

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class);
    private static final Set<Class<?>> SUPPORTED = Set.of(int.class, Integer.class, long.class, Long.class,
            BigDecimal.class, LocalTime.class, boolean.class, Boolean.class, String.class);

    private final PolicyGroups groups;
    private final Validator validator;

    GroupFields(PolicyGroups groups, Validator validator) {
        for (PolicyGroup<?> group : groups.all()) {
            for (RecordComponent c : group.type().getRecordComponents()) {
                if (!SUPPORTED.contains(c.getType())) {
                    throw new IllegalStateException("Policy group " + group.key() + "." + c.getName()
                            + ": the editor shows whole numbers, decimals, times, yes/no and text, not " + c.getType());
                }
            }
        }
        this.groups = groups;
        this.validator = validator;
    }

    List<Group> of(PolicyParameters parameters) {
        return groups.all().stream().map(g -> group(g, c -> text(value(c, parameters.groups().get(g.key()))))).toList();
    }

    /** The groups as the user posted them, to show a refused form again with what they typed. */
    List<Group> of(MultiValueMap<String, String> form) {
        return groups.all().stream().map(g -> group(g, c -> {
            String posted = form.getFirst(g.key() + "." + c.getName());
            return isFlag(c) ? String.valueOf("true".equals(posted) || "on".equals(posted)) : posted == null ? "" : posted.trim();
        })).toList();
    }

    /**
     * The groups as posted; a checkbox left unticked is no. A field left empty, or not of its
     * type, is named in {@code errors} and its group left out, so nothing is filled in for it.
     */
    Map<String, Record> bind(MultiValueMap<String, String> form, FieldErrors errors) {
        Map<String, Record> bound = new LinkedHashMap<>();
        for (PolicyGroup<?> group : groups.all()) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean complete = true;
            for (RecordComponent c : group.type().getRecordComponents()) {
                String name = group.key() + "." + c.getName();
                String posted = form.getFirst(name);
                if (isFlag(c)) {
                    values.put(c.getName(), String.valueOf("true".equals(posted) || "on".equals(posted)));
                } else if (posted == null || posted.isBlank()) {
                    errors.empty(name);
                    complete = false;
                } else if (!ofType(c.getType(), posted.trim())) {
                    errors.invalid(name);
                    complete = false;
                } else {
                    values.put(c.getName(), posted.trim());
                }
            }
            if (complete) {
                bound.put(group.key(), groups.fromText(group, values));
            }
        }
        return bound;
    }

    /** The bounds of a record's component, {min, max}, either null when it has none. */
    String[] bounds(Class<?> record, String component) {
        PropertyDescriptor property = validator.getConstraintsForClass(record).getConstraintsForProperty(component);
        Map<Class<?>, Annotation> found = new LinkedHashMap<>();
        if (property != null) {
            for (ConstraintDescriptor<?> d : property.getConstraintDescriptors()) {
                found.put(d.getAnnotation().annotationType(), d.getAnnotation());
            }
        }
        String min = found.get(Min.class) instanceof Min m ? String.valueOf(m.value())
                : found.get(DecimalMin.class) instanceof DecimalMin d ? d.value() : null;
        String max = found.get(Max.class) instanceof Max m ? String.valueOf(m.value())
                : found.get(DecimalMax.class) instanceof DecimalMax d ? d.value() : null;
        return new String[]{min, max};
    }

    private static boolean isFlag(RecordComponent c) {
        return c.getType() == boolean.class || c.getType() == Boolean.class;
    }

    private static boolean ofType(Class<?> type, String text) {
        try {
            if (WHOLE_NUMBERS.contains(type)) {
                Long.parseLong(text);
            } else if (type == BigDecimal.class) {
                new BigDecimal(text);
            } else if (type == LocalTime.class) {
                LocalTime.parse(text);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Group group(PolicyGroup<?> group, java.util.function.Function<RecordComponent, String> text) {
        List<Field> fields = Arrays.stream(group.type().getRecordComponents())
                .map(c -> field(group.key(), c, text.apply(c))).toList();
        return new Group(group.key(), "param." + group.key(), fields);
    }

    private Field field(String key, RecordComponent c, String value) {
        String[] bounds = bounds(c.getDeclaringRecord(), c.getName());
        return new Field(key + "." + c.getName(), "param." + key + "." + c.getName(), input(c.getType()), bounds[0],
                bounds[1], step(c.getType(), bounds[0], bounds[1]), value);
    }

    private static String input(Class<?> type) {
        if (WHOLE_NUMBERS.contains(type) || type == BigDecimal.class) {
            return "number";
        }
        if (type == LocalTime.class) {
            return "time";
        }
        return type == boolean.class || type == Boolean.class ? "checkbox" : "text";
    }

    /** Whole numbers step by 1; a decimal by the finest place its bounds are written to (0.5-5.0: 0.1). */
    private static String step(Class<?> type, String min, String max) {
        if (type != BigDecimal.class) {
            return WHOLE_NUMBERS.contains(type) ? "1" : null;
        }
        if (min == null && max == null) {
            return "any";
        }
        int scale = Math.max(min == null ? 0 : new BigDecimal(min).scale(), max == null ? 0 : new BigDecimal(max).scale());
        return BigDecimal.ONE.movePointLeft(scale).toPlainString();
    }

    private static Object value(RecordComponent c, Record values) {
        if (values == null) {
            return null;
        }
        try {
            return c.getAccessor().invoke(values);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Policy group record " + c.getDeclaringRecord().getName() + " must be public", e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
