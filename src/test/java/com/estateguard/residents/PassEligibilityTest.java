package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.common.Reason;
import com.estateguard.residents.internal.PassEligibility;
import com.estateguard.residents.internal.ResidentParameters;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Who may have a pass: 14 days (the policy's number) without leaving the city, no abnormality, not isolated. */
class PassEligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 2, 20);
    private static final ResidentParameters SEED = new ResidentParameters(14, 30);

    @Test
    void someoneWhoNeverLeftIsEligible() {
        assertThat(PassEligibility.refusals(facts(null, null, false, false), SEED)).isEmpty();
    }

    @Test
    void aReturnThirteenDaysAgoRefusesFourteenDaysAgoDoesNot() {
        assertThat(PassEligibility.refusals(facts(TODAY.minusDays(13), TODAY.minusDays(1), false, false), SEED))
                .extracting(Reason::messageKey).containsExactly("pass.refused.recentReturn");
        assertThat(PassEligibility.refusals(facts(TODAY.minusDays(14), TODAY.minusDays(1), false, false), SEED)).isEmpty();
    }

    @Test
    void theWindowIsThePolicysNumber() {
        assertThat(PassEligibility.refusals(facts(TODAY.minusDays(10), TODAY.minusDays(1), false, false),
                new ResidentParameters(7, 30))).isEmpty();
    }

    @Test
    void isolationPositiveNatAndRunningObservationEachRefuseAndAllAreReported() {
        assertThat(PassEligibility.refusals(facts(TODAY.minusDays(30), TODAY, true, true), SEED))
                .extracting(Reason::messageKey)
                .containsExactly("pass.refused.observation", "pass.refused.isolated", "pass.refused.natPositive");
    }

    private static PassEligibility.Facts facts(LocalDate arrival, LocalDate observationEnd, boolean isolated, boolean positive) {
        return new PassEligibility.Facts(TODAY, arrival, arrival == null ? null : "武汉", observationEnd, isolated, positive);
    }
}
