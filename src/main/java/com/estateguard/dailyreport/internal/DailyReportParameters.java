package com.estateguard.dailyreport.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import java.time.LocalTime;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of the daily report (COM-03): this module's policy group, stored under
 * "dailyreport". A version written before the field existed reads it as null and gets the seed default.
 *
 * @param dailyReportDeadline local time by which the day's report must be submitted (日报制, 002)
 */
public record DailyReportParameters(LocalTime dailyReportDeadline) {

    public DailyReportParameters {
        dailyReportDeadline = dailyReportDeadline == null ? LocalTime.of(18, 0) : dailyReportDeadline;
    }

    public static DailyReportParameters defaults() {
        return new DailyReportParameters(LocalTime.of(18, 0));
    }

    /** Declares the group to the policy module. 002 asks for a daily report without an hour; every preset takes 18:00. */
    @Component
    static class Group implements PolicyGroup<DailyReportParameters> {

        @Override
        public String key() {
            return "dailyreport";
        }

        @Override
        public Class<DailyReportParameters> type() {
            return DailyReportParameters.class;
        }

        @Override
        public DailyReportParameters seed(PolicyPreset preset) {
            return defaults();
        }
    }
}
