package com.estateguard.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Duty eligibility against the policy's limit (37.3 °C in 001) and exposure. */
class DutyEligibilityTest {

    private static final BigDecimal LIMIT = new BigDecimal("37.3");

    @Test
    void atTheLimitMayWork() {
        assertThat(DutyEligibility.of(new BigDecimal("37.3"), false, LIMIT).eligible()).isTrue();
    }

    @Test
    void aboveTheLimitMayNot() {
        assertThat(DutyEligibility.of(new BigDecimal("37.4"), false, LIMIT).reasons()).containsExactly(DutyEligibility.Reason.FEVER);
    }

    @Test
    void exposureAloneMakesIneligibleAndBothReasonsAreKept() {
        assertThat(DutyEligibility.of(new BigDecimal("36.5"), true, LIMIT).reasons()).containsExactly(DutyEligibility.Reason.EXPOSURE);
        assertThat(DutyEligibility.of(new BigDecimal("38.0"), true, LIMIT).reasons())
                .containsExactly(DutyEligibility.Reason.FEVER, DutyEligibility.Reason.EXPOSURE);
    }

    @Test
    void aLowerPolicyLimitCatchesMore() {
        assertThat(DutyEligibility.of(new BigDecimal("37.2"), false, new BigDecimal("37.0")).eligible()).isFalse();
    }
}
