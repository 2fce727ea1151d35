package com.estateguard.hygiene.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * An estate's hygiene compliance for one day (消毒达标率): the share of the day's tasks done and
 * compliant. A non-compliant record counts as done but not as compliant; no tasks means no rate.
 */
public record DayCompliance(int tasks, int done, int compliant, int overdue, int missed) {

    public static DayCompliance of(Collection<TaskState> states) {
        int done = 0;
        int compliant = 0;
        int overdue = 0;
        int missed = 0;
        for (TaskState s : states) {
            switch (s) {
                case DONE -> { done++; compliant++; }
                case DONE_NONCOMPLIANT -> done++;
                case OVERDUE -> overdue++;
                case MISSED -> missed++;
                case PENDING -> { }
            }
        }
        return new DayCompliance(states.size(), done, compliant, overdue, missed);
    }

    /** Percentage with one decimal, or null when there is nothing to do that day. */
    public BigDecimal ratePercent() {
        if (tasks == 0) {
            return null;
        }
        return BigDecimal.valueOf(compliant * 100L).divide(BigDecimal.valueOf(tasks), 1, RoundingMode.HALF_UP);
    }

    public int nonCompliant() {
        return done - compliant;
    }

    /** Tasks not met: done but not compliant, overdue or missed (the cockpit's 不达标). */
    public int shortfalls() {
        return nonCompliant() + overdue + missed;
    }
}
