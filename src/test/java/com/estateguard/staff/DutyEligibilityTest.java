package com.estateguard.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.staff.internal.DutyEligibility;
import com.estateguard.staff.internal.LeaveStatus;
import com.estateguard.staff.internal.StaffRegisters;
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
        assertThat(DutyEligibility.of(new BigDecimal("37.4"), false, LIMIT).codes()).containsExactly(DutyEligibility.Unfit.FEVER);
    }

    @Test
    void exposureAloneMakesIneligibleAndBothReasonsAreKept() {
        assertThat(DutyEligibility.of(new BigDecimal("36.5"), true, LIMIT).codes()).containsExactly(DutyEligibility.Unfit.EXPOSURE);
        assertThat(DutyEligibility.of(new BigDecimal("38.0"), true, LIMIT).codes())
                .containsExactly(DutyEligibility.Unfit.FEVER, DutyEligibility.Unfit.EXPOSURE);
    }

    @Test
    void aLowerPolicyLimitCatchesMore() {
        assertThat(DutyEligibility.of(new BigDecimal("37.2"), false, new BigDecimal("37.0")).eligible()).isFalse();
    }

    @Test
    void aNatIsOverdueOnceOlderThanThePolicysInterval() {
        var today = java.time.LocalDate.of(2022, 4, 10);
        assertThat(StaffRegisters.natOverdue(null, today, 7)).isTrue();
        assertThat(StaffRegisters.natOverdue(today.minusDays(7), today, 7)).isFalse();
        assertThat(StaffRegisters.natOverdue(today.minusDays(8), today, 7)).isTrue();
        assertThat(StaffRegisters.natOverdue(today.minusDays(3), today, 2)).isTrue();
    }

    @Test
    void aLeaveIsDecidedOnceAndOnlyAnApprovedOneComesBack() {
        assertThat(LeaveStatus.REQUESTED.decide(true)).isEqualTo(LeaveStatus.APPROVED);
        assertThat(LeaveStatus.APPROVED.reportReturn()).isEqualTo(LeaveStatus.RETURNED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeaveStatus.APPROVED.decide(false))
                .hasMessage("stf.error.leaveDecided");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeaveStatus.REJECTED.reportReturn())
                .hasMessage("stf.error.leaveNotApproved");
    }
}
