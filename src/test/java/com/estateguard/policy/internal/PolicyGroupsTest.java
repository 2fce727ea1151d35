package com.estateguard.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How a version's groups are stored and read back, with a group of a module the policy module knows nothing of. */
class PolicyGroupsTest {

    /** A module's numbers: one Kunshan sets apart from the other presets. */
    public record CourtyardParameters(int sweepsPerDay, LocalTime gateClosesAt, BigDecimal fenceHeightM) {
    }

    static final PolicyGroup<CourtyardParameters> COURTYARD = new PolicyGroup<>() {
        @Override
        public String key() {
            return "courtyard";
        }

        @Override
        public Class<CourtyardParameters> type() {
            return CourtyardParameters.class;
        }

        @Override
        public CourtyardParameters seed(PolicyPreset preset) {
            return new CourtyardParameters(preset == PolicyPreset.KUNSHAN_2020 ? 3 : 2, LocalTime.of(22, 0), new BigDecimal("1.8"));
        }
    };

    final JsonMapper json = JsonMapper.builder().build();
    final PolicyGroups groups = new PolicyGroups(List.of(COURTYARD), json);

    @Test
    void aGroupIsStoredUnderItsKeyBesideTheCheckpointNumbersAndReadsBackTyped() {
        var own = new CourtyardParameters(4, LocalTime.of(21, 30), new BigDecimal("2.0"));
        var parameters = groups.complete(PolicyPreset.HUACHUAN_2021.parameters(), "HUACHUAN_2021").withGroup(own);

        String stored = groups.toJson(parameters);

        JsonNode node = json.readTree(stored);
        assertThat(node.get("natWindowHours").asInt()).isEqualTo(72);
        assertThat(node.get("courtyard").get("sweepsPerDay").asInt()).isEqualTo(4);
        assertThat(node.has("groups")).isFalse();
        PolicyParameters read = groups.fromJson(stored, 1);
        assertThat(read.group(CourtyardParameters.class)).isEqualTo(own);
        assertThat(read).isEqualTo(parameters);
    }

    @Test
    void aStoredVersionLackingAGroupOrAValueIsRefusedNamingTheVersionAndTheField() {
        String beforeTheGroup = groups.toJson(PolicyPreset.KUNSHAN_2020.parameters());
        var lacksAValue = (ObjectNode) json.readTree(groups.toJson(groups.complete(PolicyPreset.KUNSHAN_2020.parameters(), null)));
        ((ObjectNode) lacksAValue.get("courtyard")).remove("fenceHeightM");
        lacksAValue.remove("riskAreaNatDays");

        assertThatThrownBy(() -> groups.fromJson(beforeTheGroup, 7))
                .isInstanceOf(IncompletePolicyVersion.class).hasMessageContaining("Policy version 7").hasMessageContaining("courtyard");
        assertThatThrownBy(() -> groups.fromJson(json.writeValueAsString(lacksAValue), 8))
                .isInstanceOfSatisfying(IncompletePolicyVersion.class, e -> {
                    assertThat(e.version()).isEqualTo(8);
                    assertThat(e.fields()).containsExactly("riskAreaNatDays", "courtyard.fenceHeightM");
                });
    }

    @Test
    void aNumberStoredAsNullIsMissingButACurfewStoredAsNullIsNoCurfew() {
        var node = (ObjectNode) json.readTree(groups.toJson(groups.complete(PolicyPreset.KUNSHAN_2020.parameters(), null)));
        node.putNull("curfewStart").putNull("curfewEnd");
        assertThat(groups.fromJson(json.writeValueAsString(node), 1).hasCurfew()).isFalse();

        node.putNull("natWindowHours");
        assertThatThrownBy(() -> groups.fromJson(json.writeValueAsString(node), 2)).hasMessageContaining("natWindowHours");
    }

    @Test
    void fillingWritesWhatAVersionLacksFromItsPresetAndKeepsWhatItHas() {
        var node = (ObjectNode) json.readTree(groups.toJson(PolicyPreset.KUNSHAN_2020.parameters().withNatWindowHours(48)));
        node.remove("observationDays");
        node.remove("curfewStart");
        node.remove("curfewEnd");
        PolicyParameters kunshan = groups.complete(PolicyPreset.KUNSHAN_2020.parameters(), "KUNSHAN_2020");

        assertThat(groups.fill(node, kunshan)).containsExactly("curfewStart", "curfewEnd", "observationDays", "courtyard");
        PolicyParameters read = groups.fromJson(json.writeValueAsString(node), 3);
        assertThat(read.natWindowHours()).isEqualTo(48);
        assertThat(read.observationDays()).isEqualTo(kunshan.observationDays());
        assertThat(read.hasCurfew()).isFalse();
        assertThat(read.group(CourtyardParameters.class).sweepsPerDay()).isEqualTo(3);
        assertThat(groups.fill(node, kunshan)).isEmpty();
    }

    @Test
    void aKeyNoGroupClaimsIsLeftAsideAndTheRestStillReads() {
        var node = (ObjectNode) json.readTree(groups.toJson(
                groups.complete(PolicyPreset.BEIJING_2022.parameters(), null)));
        node.putObject("ledgers").put("supplyCoverDays", 45);

        PolicyParameters read = groups.fromJson(json.writeValueAsString(node), 1);

        assertThat(read.natWindowHours()).isEqualTo(72);
        assertThat(read.groups()).containsOnlyKeys("courtyard");
    }

    @Test
    void writingCompletesTheGroupsAParameterSetLacks() {
        PolicyParameters complete = groups.complete(PolicyPreset.KUNSHAN_2020.parameters(), "KUNSHAN_2020");

        assertThat(complete.groups()).isEqualTo(Map.of("courtyard", COURTYARD.seed(PolicyPreset.KUNSHAN_2020)));
        assertThat(complete.withLockdown(true).group(CourtyardParameters.class).sweepsPerDay()).isEqualTo(3);
    }

    @Test
    void textFromTheEditorIsConvertedAsStoredValuesAre() {
        Record read = groups.fromText(COURTYARD, Map.of("sweepsPerDay", "5", "gateClosesAt", "20:15", "fenceHeightM", "1.6"));

        assertThat(read).isEqualTo(new CourtyardParameters(5, LocalTime.of(20, 15), new BigDecimal("1.6")));
        assertThatThrownBy(() -> groups.fromText(COURTYARD, Map.of("sweepsPerDay", "five")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGroupMayNotTakeACheckpointFieldsNameNorAnotherGroupsKeyOrRecord() {
        assertThatThrownBy(() -> new PolicyGroups(List.of(renamed("natWindowHours")), json)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PolicyGroups(List.of(COURTYARD, COURTYARD), json)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PolicyGroups(List.of(COURTYARD, renamed("garden")), json)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PolicyGroups(List.of(renamed("Court yard")), json)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aModuleReadsOnlyAGroupTheParametersCarry() {
        assertThatThrownBy(() -> PolicyPreset.BEIJING_2022.parameters().group(CourtyardParameters.class))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PolicyPreset.BEIJING_2022.parameters().withGroup(COURTYARD.seed(PolicyPreset.DEFAULT)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static PolicyGroup<CourtyardParameters> renamed(String key) {
        return new PolicyGroup<>() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Class<CourtyardParameters> type() {
                return CourtyardParameters.class;
            }

            @Override
            public CourtyardParameters seed(PolicyPreset preset) {
                return COURTYARD.seed(preset);
            }
        };
    }
}
