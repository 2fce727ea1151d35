package com.estateguard.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.NatResult;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stored form of a check's evidence (format 2): short names, no nulls, false kept, format 1 still read. */
class StoredEvidenceTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final StoredEvidence stored = new StoredEvidence(json);

    static Evidence everyPart() {
        var by = new Evidence.Voucher("device:key-12", "南门测温终端");
        return new Evidence(new Evidence.TemperatureReading(new BigDecimal("36.5"), Evidence.TemperatureMethod.INFRARED_TERMINAL),
                new Evidence.HealthCodeEvidence(CodeStatus.GREEN, Evidence.CodeAcquisition.SCANNED, "REGISTER", false,
                        Evidence.CodeInput.SCANNER, by),
                new Evidence.CredentialEvidence(Evidence.CredentialType.ACCESS_CARD, "门禁卡", true, false),
                new Evidence.NatEvidence(Instant.parse("2026-11-17T03:00:00Z"), NatResult.NEGATIVE, "REGISTER", false, by),
                new Evidence.Answers("回家", false), false,
                new Evidence.ThreeChecks(true, false, Evidence.TravelCode.NOT_SHOWN));
    }

    @Test
    void everyPartComesBackAsItWasWrittenFalseIncluded() {
        Evidence e = everyPart();
        assertThat(stored.read(stored.write(e))).isEqualTo(e);
        Evidence sparse = new Evidence(null, null, null, null, new Evidence.Answers(null, false), null);
        assertThat(stored.read(stored.write(sparse))).isEqualTo(sparse);
        Evidence none = new Evidence(null, null, null, null, null, null);
        assertThat(stored.write(none)).isEqualTo("{\"v\":2}");
        assertThat(stored.read(stored.write(none))).isEqualTo(none);
    }

    @Test
    void formatTwoUsesShortNamesLeavesOutWhatWasNotCheckedAndIsSmaller() {
        Evidence typical = new Evidence(everyPart().temperature(),
                new Evidence.HealthCodeEvidence(CodeStatus.GREEN, Evidence.CodeAcquisition.SCANNED, "REGISTER", false),
                everyPart().credential(), new Evidence.NatEvidence(Instant.parse("2026-11-17T03:00:00Z"), NatResult.NEGATIVE,
                "REGISTER", false), everyPart().answers(), true);
        String two = stored.write(typical);
        String one = json.writeValueAsString(typical);
        JsonNode node = json.readTree(two);
        assertThat(node.get("v").asInt()).isEqualTo(2);
        assertThat(node.get("an").get("sy").asBoolean(true)).as("a 'no' is kept").isFalse();
        assertThat(node.has("tc")).as("three checks not done: left out").isFalse();
        assertThat(node.get("hc").has("by")).isFalse();
        assertThat(two).doesNotContain("null").doesNotContain("temperature");
        assertThat(one).contains("null");
        assertThat(two.length()).as(two + " against " + one).isLessThan(one.length() * 2 / 3);
    }

    @Test
    void formatOneRowsAreReadAsBefore() {
        Evidence e = everyPart();
        assertThat(stored.read(json.writeValueAsString(e))).isEqualTo(e);
        String asStoredBefore = """
                {"nat": {"demo": false, "result": "NEGATIVE", "source": "REGISTER", "claimedBy": null,
                 "sampledAt": "2026-12-01T11:43:37.273133Z"}, "mask": true, "answers": {"symptoms": false, "destination": "回家"},
                 "credential": {"type": "ACCESS_CARD", "verified": true, "reference": "门禁卡", "accessControl": true},
                 "healthCode": {"demo": false, "input": null, "source": "REGISTER", "status": "YELLOW", "claimedBy": null,
                 "acquisition": "SCANNED"}, "temperature": {"method": "INFRARED_TERMINAL", "celsius": 36.5}, "threeChecks": null}""";
        Evidence read = stored.read(asStoredBefore);
        assertThat(read.healthCode().status()).isEqualTo(CodeStatus.YELLOW);
        assertThat(read.answers().symptoms()).isFalse();
        assertThat(read.temperature().celsius()).isEqualByComparingTo("36.5");
        assertThat(read.threeChecks()).isNull();
        assertThat(stored.read("{}")).isEqualTo(new Evidence(null, null, null, null, null, null));
    }

    @Test
    void anUnknownFormatIsRefusedNotGuessed() {
        assertThatThrownBy(() -> stored.read("{\"v\":3,\"tp\":{}}")).hasMessageContaining("unknown format");
    }

    @Test
    void everyPropertyHasAShortNameUniqueWithinItsObject() {
        List<String> problems = new ArrayList<>();
        walk(Evidence.class, new HashSet<>(), problems);
        assertThat(problems).isEmpty();
        assertThat(new HashSet<>(StoredEvidence.SHORT.values())).as("one short name per property name")
                .hasSameSizeAs(StoredEvidence.SHORT.values());
    }

    private static void walk(Class<?> type, Set<Class<?>> seen, List<String> problems) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String shortName = StoredEvidence.SHORT.get(c.getName());
            if (shortName == null) {
                problems.add(type.getSimpleName() + "." + c.getName() + " has no short name");
            } else if (!names.add(shortName) || shortName.equals("v")) {
                problems.add(type.getSimpleName() + "." + c.getName() + ": short name " + shortName + " used twice");
            }
            Class<?> t = c.getType();
            if (c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> arg) {
                t = arg;
            }
            walk(t, seen, problems);
        }
    }
}
