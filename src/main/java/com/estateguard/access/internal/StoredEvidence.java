package com.estateguard.access.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A check's evidence as its record stores it (证据的存储格式), written and read only here.
 *
 * <p>Format 2 (issue 12 §4, "a smaller row"): the same document as the API's, with every property under a short name
 * ({@link #SHORT}) and the parts that were not checked left out instead of written as {@code null}, marked
 * {@code "v": 2}. A check's evidence took 562 bytes in format 1 (the API's names, nulls written), a third of the row
 * with its indexes; false is kept (a "no" to the symptoms question is an answer, a missing one is not). Format 1 rows,
 * those without {@code "v"}, are read as they always were; nothing rewrites them (the records are append-only and
 * sealed: the evidence chain hashes each row as stored).
 */
final class StoredEvidence {

    /** The format written now, in every new row's {@code "v"}. */
    static final int FORMAT = 2;

    /**
     * Format 2's name for each property of {@link Evidence} and its parts: unique within each object (a test walks the
     * records and checks), and never renamed, since stored rows keep them: a new property gets a new short name, and
     * until it has one it is written under its own.
     */
    static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("temperature", "tp"), Map.entry("healthCode", "hc"), Map.entry("credential", "cr"),
            Map.entry("nat", "na"), Map.entry("answers", "an"), Map.entry("mask", "mk"), Map.entry("threeChecks", "tc"),
            Map.entry("celsius", "c"), Map.entry("method", "m"),
            Map.entry("status", "s"), Map.entry("acquisition", "a"), Map.entry("source", "src"), Map.entry("demo", "d"),
            Map.entry("input", "in"), Map.entry("claimedBy", "by"),
            Map.entry("actor", "ac"), Map.entry("name", "nm"),
            Map.entry("type", "t"), Map.entry("reference", "r"), Map.entry("verified", "ok"), Map.entry("accessControl", "ax"),
            Map.entry("sampledAt", "at"), Map.entry("result", "rs"),
            Map.entry("destination", "to"), Map.entry("symptoms", "sy"),
            Map.entry("idDocument", "id"), Map.entry("residencePermit", "rp"), Map.entry("travelCode", "tr"));

    private static final String VERSION = "v";

    private final JsonMapper formatOne;
    private final JsonMapper formatTwo;

    StoredEvidence(JsonMapper json) {
        this.formatOne = json;
        this.formatTwo = json.rebuild()
                .propertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
                    @Override
                    public String translate(String name) {
                        return SHORT.getOrDefault(name, name);
                    }
                })
                .changeDefaultPropertyInclusion(in -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
    }

    /** The JSON text for a new row (format 2). */
    String write(Evidence evidence) {
        String body = formatTwo.writeValueAsString(evidence);
        return body.length() == 2 ? "{\"" + VERSION + "\":" + FORMAT + "}" : "{\"" + VERSION + "\":" + FORMAT + "," + body.substring(1);
    }

    /** A stored row's evidence, in whichever format it was written. */
    Evidence read(String stored) {
        JsonNode node = formatOne.readTree(stored);
        JsonNode version = node.get(VERSION);
        if (version == null) {
            return formatOne.treeToValue(node, Evidence.class);
        }
        if (version.asInt() != FORMAT || !(node instanceof ObjectNode object)) {
            throw new IllegalStateException("Stored evidence in an unknown format: " + version);
        }
        object.remove(VERSION);
        return formatTwo.treeToValue(object, Evidence.class);
    }
}
