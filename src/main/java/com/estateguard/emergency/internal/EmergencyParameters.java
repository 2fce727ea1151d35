package com.estateguard.emergency.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of the emergency plan (EMG): this module's policy group, stored under "emergency".
 * V81 wrote its seed into every stored version.
 *
 * @param reportDeadlineMinutes a report to community, housing, health or CDC later than this many minutes
 *                              after opening is marked late. Seed 004 gives no number: it says 立即报告 and
 *                              第一时间向有关部门报告. The preset takes 120 minutes, the two hours within
 *                              which 《突发公共卫生事件应急条例》 (2003, art. 19/20) has a reporting unit report
 *                              to the county health authority: an outside source, named as such; an estate's
 *                              own version may set less.
 */
public record EmergencyParameters(@Min(1) @Max(1440) int reportDeadlineMinutes) {

    public static EmergencyParameters defaults() {
        return new EmergencyParameters(120);
    }

    /** Declares the group to the policy module; every preset takes the same seed (no seed gives another number). */
    @Component
    static class Group implements PolicyGroup<EmergencyParameters> {

        @Override
        public String key() {
            return "emergency";
        }

        @Override
        public Class<EmergencyParameters> type() {
            return EmergencyParameters.class;
        }

        @Override
        public EmergencyParameters seed(PolicyPreset preset) {
            return defaults();
        }
    }
}
