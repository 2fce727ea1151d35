package com.estateguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.Direction;
import com.estateguard.access.internal.Evidence;
import com.estateguard.access.internal.renovation.WorkerCheck;
import com.estateguard.access.internal.rules.EntryContext;
import com.estateguard.access.internal.rules.EntryRules;
import com.estateguard.common.Reason;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.ReasonCode;
import com.estateguard.staff.internal.DutyEligibility;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gate, the renovation site and the staff ledger decide fever the same way, by the one rule and
 * the limit of the policy in force (37.3 °C in every preset): 37.3 is let in, 37.4 is not.
 */
class FeverAtEveryDoorTest {

    private static final Instant NOW = Instant.parse("2022-05-01T02:00:00Z");

    @ParameterizedTest
    @EnumSource(PolicyPreset.class)
    void everyPresetsLimitIsThirtySevenThree(PolicyPreset preset) {
        assertThat(preset.parameters().temperatureLimitC()).isEqualByComparingTo("37.3");
    }

    @ParameterizedTest
    @EnumSource(PolicyPreset.class)
    void atTheGate(PolicyPreset preset) {
        assertThat(gateRefusesForFever("37.3", preset.parameters())).isFalse();
        assertThat(gateRefusesForFever("37.4", preset.parameters())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PolicyPreset.class)
    void atTheRenovationSite(PolicyPreset preset) {
        assertThat(siteRefusals("37.3", preset.parameters())).isEmpty();
        assertThat(siteRefusals("37.4", preset.parameters())).extracting(Reason::code).containsExactly(WorkerCheck.Refusal.FEVER);
    }

    @ParameterizedTest
    @EnumSource(PolicyPreset.class)
    void inTheStaffLedger(PolicyPreset preset) {
        BigDecimal limit = preset.parameters().temperatureLimitC();
        assertThat(DutyEligibility.of(new BigDecimal("37.3"), false, limit).eligible()).isTrue();
        assertThat(DutyEligibility.of(new BigDecimal("37.4"), false, limit).codes()).containsExactly(DutyEligibility.Unfit.FEVER);
    }

    private static boolean gateRefusesForFever(String celsius, PolicyParameters policy) {
        var evidence = new Evidence(new Evidence.TemperatureReading(new BigDecimal(celsius), Evidence.TemperatureMethod.HANDHELD_GUN),
                null, null, null, null, true);
        var context = new EntryContext(EntrantCategory.RESIDENT, Direction.IN, evidence, null, policy, true, NOW,
                LocalTime.of(10, 0), false, null);
        return EntryRules.decide(context).codes().contains(ReasonCode.FEVER);
    }

    private static List<Reason<WorkerCheck.Refusal>> siteRefusals(String celsius, PolicyParameters policy) {
        var facts = new WorkerCheck.Facts(new BigDecimal(celsius), true, NOW.minus(Duration.ofHours(1)), true, NOW, 0);
        return WorkerCheck.refusals(facts, WorkerCheck.Limits.of(policy));
    }
}
