package com.estateguard.access.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.Direction;
import com.estateguard.access.PassCheck;
import com.estateguard.access.internal.Evidence.CredentialEvidence;
import com.estateguard.access.internal.Evidence.CredentialType;
import com.estateguard.access.internal.Evidence;
import com.estateguard.access.internal.rules.EntryContext;
import com.estateguard.access.internal.rules.EntryRules;
import com.estateguard.common.Reason;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The resident pass verdict and the pre-registered visitor under the Kunshan 2020 preset (ACC-04, ACC-11). */
class PassAndVisitorRulesTest {

    private static final Instant NOW = Instant.parse("2020-02-10T02:00:00Z");

    @Test
    void aPassThatFailedVerificationGivesItsOwnReasonNotTheGenericOne() {
        var decision = EntryRules.decide(resident(new CredentialEvidence(CredentialType.PASS, "pass:12", false, false),
                PassCheck.Failure.REVOKED));
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.PASS_REVOKED);
        assertThat(EntryRules.decide(resident(new CredentialEvidence(CredentialType.PASS, "pass:forged", false, false),
                PassCheck.Failure.FORGED)).reasons()).extracting(Reason::code).containsExactly(ReasonCode.PASS_FORGED);
        assertThat(EntryRules.decide(resident(new CredentialEvidence(CredentialType.PASS, "pass:12", true, false), null)).reasons())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PassCheck.Failure.class)
    void everyPassFailureHasItsOwnReason(PassCheck.Failure failure) {
        var decision = EntryRules.decide(resident(new CredentialEvidence(CredentialType.PASS, "pass:12", false, false), failure));
        assertThat(decision.codes()).containsExactly(ReasonCode.valueOf("PASS_" + failure.name()));
    }

    @Test
    void aReferenceThatLooksLikeAFailedPassIsNotTakenOnTrust() {
        var decision = EntryRules.decide(resident(new CredentialEvidence(CredentialType.PASS, "pass:12:NO_SUCH_FAILURE", false, false),
                null));
        assertThat(decision.codes()).doesNotContain(ReasonCode.PASS_FORGED, ReasonCode.PASS_REVOKED, ReasonCode.PASS_EXPIRED,
                ReasonCode.PASS_OTHER_ESTATE);
    }

    @Test
    void aListedExceptionIsAdmittedWhenPreRegisteredAndReferredWhenOnlyClaimed() {
        assertThat(EntryRules.decide(visitor("子女探视老人", true)).reasons()).isEmpty();
        assertThat(EntryRules.decide(visitor("子女探视老人", false)).reasons()).extracting(Reason::code)
                .containsExactly(ReasonCode.OUTSIDER_EXCEPTION);
        assertThat(EntryRules.decide(visitor(null, false)).reasons()).extracting(Reason::code)
                .containsExactly(ReasonCode.OUTSIDER_NOT_ALLOWED);
        assertThat(EntryRules.decide(visitor("朋友聚会", true)).reasons()).extracting(Reason::code)
                .containsExactly(ReasonCode.OUTSIDER_NOT_ALLOWED);
    }

    private static EntryContext resident(CredentialEvidence credential, PassCheck.Failure passFailure) {
        return new EntryContext(EntrantCategory.RESIDENT, Direction.IN, evidence(credential), null,
                PolicyPreset.KUNSHAN_2020.parameters(), true, NOW, LocalTime.of(10, 0), false, null, false, passFailure);
    }

    private static EntryContext visitor(String exception, boolean preRegistered) {
        return new EntryContext(EntrantCategory.VISITOR, Direction.IN, evidence(null), null, PolicyPreset.KUNSHAN_2020.parameters(),
                true, NOW, LocalTime.of(10, 0), false, exception, preRegistered);
    }

    private static Evidence evidence(CredentialEvidence credential) {
        return new Evidence(new Evidence.TemperatureReading(new BigDecimal("36.5"), Evidence.TemperatureMethod.HANDHELD_GUN),
                null, credential, null, new Evidence.Answers("5号楼", false), true);
    }
}
