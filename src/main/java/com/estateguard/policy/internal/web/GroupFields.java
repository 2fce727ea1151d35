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
        return groups.all().stream().map(g -> group(g, parameters.groups().get(g.key()))).toList();
    }

    /** The groups as posted: a field left out reads as absent, a checkbox left unticked as no. */
    Map<String, Record> bind(MultiValueMap<String, String> form) {
        Map<String, Record> bound = new LinkedHashMap<>();
        for (PolicyGroup<?> group : groups.all()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (RecordComponent c : group.type().getRecordComponents()) {
                String posted = form.getFirst(group.key() + "." + c.getName());
                if (c.getType() == boolean.class || c.getType() == Boolean.class) {
                    values.put(c.getName(), String.valueOf("true".equals(posted) || "on".equals(posted)));
                } else if (posted != null && !posted.isBlank()) {
                    values.put(c.getName(), posted.trim());
                }
            }
            bound.put(group.key(), groups.fromText(group, values));
        }
        return bound;
    }

    private Group group(PolicyGroup<?> group, Record values) {
        List<Field> fields = Arrays.stream(group.type().getRecordComponents())
                .map(c -> field(group.key(), c, values)).toList();
        return new Group(group.key(), "param." + group.key(), fields);
    }

    private Field field(String key, RecordComponent c, Record values) {
        PropertyDescriptor property = validator.getConstraintsForClass(c.getDeclaringRecord())
                .getConstraintsForProperty(c.getName());
        Map<Class<?>, Annotation> bounds = new LinkedHashMap<>();
        if (property != null) {
            for (ConstraintDescriptor<?> d : property.getConstraintDescriptors()) {
                bounds.put(d.getAnnotation().annotationType(), d.getAnnotation());
            }
        }
        String min = bounds.get(Min.class) instanceof Min m ? String.valueOf(m.value())
                : bounds.get(DecimalMin.class) instanceof DecimalMin d ? d.value() : null;
        String max = bounds.get(Max.class) instanceof Max m ? String.valueOf(m.value())
                : bounds.get(DecimalMax.class) instanceof DecimalMax d ? d.value() : null;
        return new Field(key + "." + c.getName(), "param." + key + "." + c.getName(), input(c.getType()), min, max,
                step(c.getType(), min, max), text(value(c, values)));
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
