package com.estateguard.emergency.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a report counts as made and whether it was late (EMG-04). A report is entered when it is made:
 * its time may not lie before the minute it is entered (no back-dating: 瞒报、谎报、迟报 are violations in
 * seed 004) nor after that moment; left out, it is the moment of entry. Late is after the policy's
 * deadline counted from the incident's opening.
 */
public record ReportTiming(Instant reportedAt, Instant deadlineAt, boolean late) {

    static ReportTiming of(Instant openedAt, int deadlineMinutes, Instant claimed, Instant enteredAt) {
        Instant reportedAt = claimed == null ? enteredAt : claimed;
        if (reportedAt.isBefore(enteredAt.truncatedTo(ChronoUnit.MINUTES))) {
            throw new ReportBackdated();
        }
        if (reportedAt.isAfter(enteredAt)) {
            throw new TimeInTheFuture();
        }
        Instant deadline = openedAt.plus(Duration.ofMinutes(deadlineMinutes));
        return new ReportTiming(reportedAt, deadline, reportedAt.isAfter(deadline));
    }
}
