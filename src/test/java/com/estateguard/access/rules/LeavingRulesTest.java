package com.estateguard.access.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.Direction;
import com.estateguard.access.MovementRestrictions.Finding;
import com.estateguard.access.MovementRestrictions.Restriction;
import com.estateguard.access.Verdict;
import com.estateguard.access.internal.Evidence;
import com.estateguard.access.internal.Evidence.CodeAcquisition;
import com.estateguard.access.internal.Evidence.HealthCodeEvidence;
import com.estateguard.access.internal.Evidence.TemperatureMethod;
import com.estateguard.access.internal.Evidence.TemperatureReading;
import com.estateguard.access.internal.LeavingParameters;
import com.estateguard.access.internal.rules.EntryContext;
import com.estateguard.access.internal.rules.EntryDecision;
import com.estateguard.access.internal.rules.EntryRules;
import com.estateguard.healthdata.CodeStatus;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Leaving the estate (ACC-15, EMG-06, EMG-13): unchecked in normal times; under a policy that
 * checks leaving (004's lockdown: "对进出人员进行体温测量，检查八闽健康码") temperature and a
 * scanned green code are required; an incident's restrictions refuse with their own reason.
 */
class LeavingRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
    private static final HealthCodeEvidence GREEN = new HealthCodeEvidence(CodeStatus.GREEN, CodeAcquisition.SCANNED, "test", false);

    private static PolicyParameters policy(PolicyPreset preset, boolean checkLeaving) {
        return preset.parameters().withGroups(Map.of("leaving", new LeavingParameters(checkLeaving)));
    }

    private static EntryDecision leaving(PolicyParameters policy, String celsius, HealthCodeEvidence code, List<Finding> restrictions) {
        var temperature = celsius == null ? null : new TemperatureReading(new BigDecimal(celsius), TemperatureMethod.HANDHELD_GUN);
        var evidence = new Evidence(temperature, code, null, null, null, true);
        return EntryRules.decide(new EntryContext(EntrantCategory.RESIDENT, Direction.OUT, evidence, null, policy, true, NOW,
                LocalTime.of(10, 0), false, null, false, null, null, null, restrictions));
    }

    @Test
    void inNormalTimesLeavingChecksNothing() {
        var decision = leaving(policy(PolicyPreset.QUANZHOU_2021, false), "38.5", null, List.of());
        assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aPolicyWithoutTheGroupChecksNothingOnTheWayOut() {
        var decision = leaving(PolicyPreset.QUANZHOU_2021_EMERGENCY.parameters(), null, null, List.of());
        assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void underLockdownLeavingWithoutTemperatureOrCodeIsRefused() {
        var decision = leaving(policy(PolicyPreset.QUANZHOU_2021_EMERGENCY, true), null, null, List.of());
        assertThat(decision.codes()).containsExactlyInAnyOrder(ReasonCode.MISSING_TEMPERATURE, ReasonCode.MISSING_HEALTH_CODE);
        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void underLockdownAFeverOrARedCodeLeavingIsRefused() {
        var policy = policy(PolicyPreset.QUANZHOU_2021_EMERGENCY, true);
        assertThat(leaving(policy, "38.2", GREEN, List.of()).codes()).containsExactly(ReasonCode.FEVER);
        var red = new HealthCodeEvidence(CodeStatus.RED, CodeAcquisition.SCANNED, "test", false);
        assertThat(leaving(policy, "36.5", red, List.of()).codes()).containsExactly(ReasonCode.CODE_NOT_GREEN);
        var shown = new HealthCodeEvidence(CodeStatus.GREEN, CodeAcquisition.SHOWN, "test", false);
        assertThat(leaving(policy, "36.5", shown, List.of()).codes()).containsExactly(ReasonCode.CODE_SHOWN_NOT_SCANNED);
        assertThat(leaving(policy, "36.5", GREEN, List.of()).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aManagedPersonLeavingWithoutApprovalIsRefusedEvenInNormalTimes() {
        var decision = leaving(policy(PolicyPreset.QUANZHOU_2021, false), "36.5", GREEN,
                List.of(new Finding(Restriction.LEAVE_NOT_APPROVED, "事件 #7")));
        assertThat(decision.codes()).containsExactly(ReasonCode.LEAVE_NOT_APPROVED);
        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void aRecoveredCaseReturningEarlyIsRefusedNamingTheRule() {
        var evidence = new Evidence(new TemperatureReading(new BigDecimal("36.5"), TemperatureMethod.HANDHELD_GUN), GREEN,
                null, null, null, true);
        var decision = EntryRules.decide(new EntryContext(EntrantCategory.VISITOR, Direction.IN, evidence, null,
                PolicyPreset.QUANZHOU_2021.parameters(), true, NOW, LocalTime.of(10, 0), false, null, false, null, null, null,
                List.of(new Finding(Restriction.RECOVERY_MONITORING, "2026-05-10"), new Finding(Restriction.RECOVERY_NAT, ""))));
        assertThat(decision.codes()).contains(ReasonCode.RECOVERY_MONITORING_NOT_OVER, ReasonCode.RECOVERY_NAT_NOT_NEGATIVE);
    }
}
