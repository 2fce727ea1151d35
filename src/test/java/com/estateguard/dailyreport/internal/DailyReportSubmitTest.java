package com.estateguard.dailyreport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A day's report: submitted from its day on, again only by someone who saw the last submission, late by its first. */
class DailyReportSubmitTest {

    private static final LocalDate DAY = LocalDate.of(2022, 4, 10);
    private static final Instant DEADLINE = Instant.parse("2022-04-10T10:00:00Z");

    @Test
    void theFirstSubmissionBeforeTheDeadlineIsOnTimeAndAResubmissionDoesNotMakeItLate() {
        DailyReport report = DailyReport.unsubmitted(3, DAY);
        report.submit(DAY, DEADLINE.minus(Duration.ofHours(1)), 0);
        assertThat(report.lateAgainst(DEADLINE)).isFalse();
        report.submit(DAY.plusDays(1), DEADLINE.plus(Duration.ofDays(1)), 1);
        assertThat(report.submissions()).isEqualTo(2);
        assertThat(report.lateAgainst(DEADLINE)).isFalse();
    }

    @Test
    void aFirstSubmissionAfterTheDeadlineIsLate() {
        DailyReport report = DailyReport.unsubmitted(3, DAY);
        report.submit(DAY, DEADLINE.plusSeconds(1), 0);
        assertThat(report.lateAgainst(DEADLINE)).isTrue();
    }

    @Test
    void aDayNotYetBegunCannotBeSubmitted() {
        DailyReport report = DailyReport.unsubmitted(3, DAY.plusDays(1));
        assertThatThrownBy(() -> report.submit(DAY, DEADLINE, 0)).isInstanceOf(ReportForFutureDay.class);
        assertThat(report.submissions()).isZero();
    }

    @Test
    void aSenderWhoHasNotSeenTheLatestSubmissionIsRefused() {
        DailyReport report = DailyReport.unsubmitted(3, DAY);
        report.submit(DAY, DEADLINE, 0);
        assertThatThrownBy(() -> report.submit(DAY, DEADLINE, 0)).isInstanceOf(ReportAlreadySubmitted.class);
        assertThat(report.submissions()).isEqualTo(1);
        report.submit(DAY, DEADLINE, null);   // a sender who did not say what they saw is not checked
        assertThat(report.submissions()).isEqualTo(2);
    }
}
