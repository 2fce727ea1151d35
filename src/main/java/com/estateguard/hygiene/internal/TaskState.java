package com.estateguard.hygiene.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Where a task stands: done (compliant or not), still to come, overdue today, or missed once the day is over. */
public enum TaskState {
    DONE, DONE_NONCOMPLIANT, PENDING, OVERDUE, MISSED;

    /**
     * @param compliant the latest record's verdict, null when nothing was recorded
     * @param dayOver   the task's day has ended in the estate's zone
     */
    public static TaskState of(Instant dueAt, Boolean compliant, Instant now, boolean dayOver) {
        if (compliant != null) {
            return compliant ? DONE : DONE_NONCOMPLIANT;
        }
        if (dayOver) {
            return MISSED;
        }
        return now.isAfter(dueAt) ? OVERDUE : PENDING;
    }

    /** Whether the day has ended in the zone at {@code now}: a task of it not recorded is then missed, not overdue. */
    public static boolean dayOver(LocalDate day, Instant now, ZoneId zone) {
        return !now.isBefore(day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public boolean late() {
        return this == OVERDUE || this == MISSED;
    }
}
