package com.estateguard.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A leave request is decided once; only an approved one is closed by the return report. */
class LeaveRequestTest {

    private static final Instant NOW = Instant.parse("2022-04-10T02:00:00Z");
    private static final LocalDate BACK = LocalDate.of(2022, 4, 12);

    private static LeaveRequest requested() {
        return new LeaveRequest(9L, 3, LeaveStatus.REQUESTED, null, null, null, null, null, null, 0);
    }

    @Test
    void aRequestIsApprovedOrRejectedByTheManager() {
        LeaveRequest approved = requested();
        approved.decide(true, "王经理", NOW);
        assertThat(approved.status()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("王经理");

        LeaveRequest rejected = requested();
        rejected.decide(false, "王经理", NOW);
        assertThat(rejected.status()).isEqualTo(LeaveStatus.REJECTED);
    }

    @Test
    void aDecidedRequestRefusesASecondDecisionAndKeepsTheFirst() {
        LeaveRequest leave = requested();
        leave.decide(true, "王经理", NOW);
        assertThatThrownBy(() -> leave.decide(false, "李主任", NOW)).isInstanceOf(LeaveAlreadyDecided.class);
        assertThat(leave.status()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(leave.decidedBy()).isEqualTo("王经理");
    }

    @Test
    void onlyAnApprovedLeaveIsReportedAsReturned() {
        assertThatThrownBy(() -> requested().reportReturn(BACK, "体温正常", "王经理", NOW)).isInstanceOf(LeaveNotApproved.class);
        LeaveRequest rejected = requested();
        rejected.decide(false, "王经理", NOW);
        assertThatThrownBy(() -> rejected.reportReturn(BACK, "体温正常", "王经理", NOW)).isInstanceOf(LeaveNotApproved.class);

        LeaveRequest approved = requested();
        approved.decide(true, "王经理", NOW);
        approved.reportReturn(BACK, "体温正常", "王经理", NOW);
        assertThat(approved.status()).isEqualTo(LeaveStatus.RETURNED);
        assertThatThrownBy(() -> approved.reportReturn(BACK, "再报一次", "王经理", NOW)).isInstanceOf(LeaveNotApproved.class);
    }

    @Test
    void theReturnReportNeedsADayAndAText() {
        LeaveRequest approved = requested();
        approved.decide(true, "王经理", NOW);
        assertThatThrownBy(() -> approved.reportReturn(null, "体温正常", "王经理", NOW)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> approved.reportReturn(BACK, " ", "王经理", NOW)).isInstanceOf(InvalidInputException.class);
        assertThat(approved.status()).isEqualTo(LeaveStatus.APPROVED);
    }
}
