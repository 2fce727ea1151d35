package com.estateguard.dailyreport.internal;

import java.time.Instant;

/** Where a day's report stands against the policy's deadline (报送截止时间). */
public enum ReportStatus {
    DUE, OVERDUE, SUBMITTED, SUBMITTED_LATE;

    public static ReportStatus of(Instant submittedAt, Instant deadline, Instant now) {
        if (submittedAt != null) {
            return submittedAt.isAfter(deadline) ? SUBMITTED_LATE : SUBMITTED;
        }
        return now.isAfter(deadline) ? OVERDUE : DUE;
    }

    public boolean late() {
        return this == OVERDUE || this == SUBMITTED_LATE;
    }
}
