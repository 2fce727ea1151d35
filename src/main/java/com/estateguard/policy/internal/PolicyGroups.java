package com.estateguard.policy.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The policy groups the modules declare, and how a version's parameters are stored: the
 * checkpoint's numbers at the top level of the JSON and each group as an object under its key
 * beside them. A draft lacking a group is completed with the group's seed of its preset when it is
 * written; a stored version holds every value and is read as stored (V72 wrote the values older
 * versions lacked).
 */
@Component
public class PolicyGroups {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z]*");

    private final List<PolicyGroup<?>> groups;
    private final JsonMapper json;

    public PolicyGroups(List<PolicyGroup<?>> groups, JsonMapper json) {
        Set<String> checkpointFields = Arrays.stream(PolicyParameters.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> keys = new HashSet<>();
        Set<Class<?>> types = new HashSet<>();
        for (PolicyGroup<?> group : groups) {
            if (!KEY.matcher(group.key()).matches() || checkpointFields.contains(group.key())
                    || !keys.add(group.key()) || !types.add(group.type())) {
                throw new IllegalStateException("Policy group '" + group.key() + "' (" + group.type().getName()
                        + "): the key must be one lower-camel word that no checkpoint field or other group uses,"
                        + " and the record must be its own");
            }
        }
        this.groups = List.copyOf(groups);
        this.json = json;
    }

    public List<PolicyGroup<?>> all() {
        return groups;
    }

    /** Every registered group: the one the parameters carry, else the seed of the preset. */
    public PolicyParameters complete(PolicyParameters parameters, String presetCode) {
        PolicyPreset preset = PolicyPreset.ofCode(presetCode);
        Map<String, Record> complete = new LinkedHashMap<>();
        for (PolicyGroup<?> group : groups) {
            Record own = parameters.groups().get(group.key());
            complete.put(group.key(), own == null ? group.seed(preset) : group.type().cast(own));
        }
        return parameters.withGroups(complete);
    }

    public String toJson(PolicyParameters parameters) {
        ObjectNode node = json.valueToTree(parameters);
        JsonNode groupNodes = node.remove("groups");
        groupNodes.properties().forEach(e -> node.set(e.getKey(), e.getValue()));
        return json.writeValueAsString(node);
    }

    /**
     * Reads a stored version, which holds every value: a value missing from it is an error naming
     * the version and the field, never a number made up here. A key no registered group claims (a
     * module since removed) is ignored.
     *
     * @throws IncompletePolicyVersion when a value is missing
     */
    public PolicyParameters fromJson(String stored, long version) {
        ObjectNode node = (ObjectNode) json.readTree(stored);
        List<String> missing = missing(node);
        if (!missing.isEmpty()) {
            throw new IncompletePolicyVersion(version, missing);
        }
        Map<String, Record> found = new LinkedHashMap<>();
        for (PolicyGroup<?> group : groups) {
            found.put(group.key(), json.treeToValue(node.remove(group.key()), group.type()));
        }
        PolicyParameters checkpoint = json.readerFor(PolicyParameters.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
        return checkpoint.withGroups(found);
    }

    /**
     * The values a stored version lacks, as {@code natWindowHours} or {@code hygiene.chlorineMinMgL}
     * ({@code hygiene} alone for a whole group). A value is missing when its key is absent, or null
     * where null means nothing (a number, or a value its record marks {@code @NotNull}); the curfew's
     * ends may be null (no curfew) but must be there.
     */
    public List<String> missing(ObjectNode stored) {
        List<String> missing = new ArrayList<>();
        for (RecordComponent c : PolicyParameters.class.getRecordComponents()) {
            if (!"groups".equals(c.getName()) && lacks(stored, c)) {
                missing.add(c.getName());
            }
        }
        for (PolicyGroup<?> group : groups) {
            JsonNode values = stored.get(group.key());
            if (values == null || !values.isObject()) {
                missing.add(group.key());
                continue;
            }
            for (RecordComponent c : group.type().getRecordComponents()) {
                if (lacks((ObjectNode) values, c)) {
                    missing.add(group.key() + "." + c.getName());
                }
            }
        }
        return missing;
    }

    /**
     * Writes into a stored version each value it lacks, from {@code whole} (every value of the preset
     * it was copied from), except that a value which may be null and is absent is written as null,
     * which is how it always read. Returns what was written, as {@link #missing} names it.
     */
    public List<String> fill(ObjectNode stored, PolicyParameters whole) {
        ObjectNode source = (ObjectNode) json.readTree(toJson(whole));
        List<String> filled = missing(stored);
        for (String name : filled) {
            String[] path = name.split("\\.");
            if (path.length == 1 && source.get(name).isObject()) {
                stored.set(name, source.get(name).deepCopy());
                continue;
            }
            ObjectNode target = path.length == 1 ? stored : (ObjectNode) stored.get(path[0]);
            String field = path[path.length - 1];
            Class<?> record = path.length == 1 ? PolicyParameters.class : group(path[0]).type();
            if (!target.has(field) && nullable(record, field)) {
                target.putNull(field);
            } else {
                target.set(field, (path.length == 1 ? source : source.get(path[0])).get(field).deepCopy());
            }
        }
        return filled;
    }

    private PolicyGroup<?> group(String key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
    }

    private static boolean lacks(ObjectNode values, RecordComponent c) {
        JsonNode value = values.get(c.getName());
        return value == null || (value.isNull() && !nullable(c.getDeclaringRecord(), c.getName()));
    }

    private static boolean nullable(Class<?> record, String component) {
        try {
            Field field = record.getDeclaredField(component);
            return !field.getType().isPrimitive() && !field.isAnnotationPresent(NotNull.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A group from text values by component name, converted as a stored version is, so "18:00"
     * is a time and "1.8" a decimal. A component left out reads as absent (0, false or null).
     *
     * @throws IllegalArgumentException when a value is not of its component's type
     */
    public Record fromText(PolicyGroup<?> group, Map<String, String> values) {
        ObjectNode node = json.createObjectNode();
        values.forEach(node::put);
        try {
            return json.treeToValue(node, group.type());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a value of policy group " + group.key(), e);
        }
    }
}
