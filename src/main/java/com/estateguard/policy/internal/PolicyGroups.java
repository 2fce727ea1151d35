package com.estateguard.policy.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import java.lang.reflect.RecordComponent;
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
 * beside them. A version lacking a group (stored before the group existed, or written without it)
 * gets the group's seed of the preset it was copied from.
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

    /** Reads a stored version; a key no registered group claims (a module since removed) is ignored. */
    public PolicyParameters fromJson(String stored, String presetCode) {
        ObjectNode node = (ObjectNode) json.readTree(stored);
        Map<String, Record> found = new LinkedHashMap<>();
        for (PolicyGroup<?> group : groups) {
            JsonNode values = node.remove(group.key());
            if (values != null && values.isObject()) {
                found.put(group.key(), json.treeToValue(values, group.type()));
            }
        }
        PolicyParameters checkpoint = json.readerFor(PolicyParameters.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
        return complete(checkpoint.withGroups(found), presetCode);
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
