package com.estateguard.dailyreport.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of the daily report (COM-03): this module's policy group, stored under
 * "dailyreport". A stored version holds every value (V72 wrote the missing ones); none is filled in here.
 *
 * @param dailyReportDeadline local time by which the day's report must be submitted (日报制, 002)
 */
public record DailyReportParameters(@NotNull LocalTime dailyReportDeadline) {

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
