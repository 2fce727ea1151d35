package com.estateguard.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EMG-04: a report is late after the policy's minutes from opening, and is never back-dated. */
class ReportTimingTest {

    private static final Instant OPENED = Instant.parse("2026-03-01T02:00:00Z");

    @Test
    void aReportWithinTheDeadlineIsInTime() {
        Instant now = OPENED.plus(Duration.ofMinutes(119));
        var timing = ReportTiming.of(OPENED, 120, null, now);
        assertThat(timing.late()).isFalse();
        assertThat(timing.reportedAt()).isEqualTo(now);
        assertThat(timing.deadlineAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(120)));
    }

    @Test
    void aReportAtTheDeadlineIsInTimeAndOneAfterItIsLate() {
        assertThat(ReportTiming.of(OPENED, 120, null, OPENED.plus(Duration.ofMinutes(120))).late()).isFalse();
        assertThat(ReportTiming.of(OPENED, 120, null, OPENED.plus(Duration.ofMinutes(120)).plusSeconds(1)).late()).isTrue();
    }

    @Test
    void theDeadlineIsThePolicysNumber() {
        Instant now = OPENED.plus(Duration.ofMinutes(45));
        assertThat(ReportTiming.of(OPENED, 30, null, now).late()).isTrue();
        assertThat(ReportTiming.of(OPENED, 60, null, now).late()).isFalse();
    }

    @Test
    void aTimeEarlierThanTheMinuteOfEntryIsRefusedAsBackdated() {
        Instant now = OPENED.plus(Duration.ofMinutes(300)).plusSeconds(20);
        assertThatThrownBy(() -> ReportTiming.of(OPENED, 120, OPENED.plus(Duration.ofMinutes(60)), now))
                .isInstanceOf(ReportBackdated.class);
        assertThatThrownBy(() -> ReportTiming.of(OPENED, 120, now.minusSeconds(61), now)).isInstanceOf(ReportBackdated.class);
    }

    @Test
    void theMinuteOfEntryIsAcceptedSoATypedTimeNeedNotCarrySeconds() {
        Instant now = OPENED.plus(Duration.ofMinutes(30)).plusSeconds(40);
        var timing = ReportTiming.of(OPENED, 120, OPENED.plus(Duration.ofMinutes(30)), now);
        assertThat(timing.reportedAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aTimeInTheFutureIsRefused() {
        Instant now = OPENED.plus(Duration.ofMinutes(10));
        assertThatThrownBy(() -> ReportTiming.of(OPENED, 120, now.plusSeconds(120), now)).isInstanceOf(TimeInTheFuture.class);
    }
}
