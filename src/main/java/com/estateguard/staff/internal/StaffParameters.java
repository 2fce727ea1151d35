package com.estateguard.staff.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of the staff registers (STF): this module's policy group, stored under "staff".
 * A stored version holds every value (V72 wrote the missing ones); none is filled in here.
 *
 * @param staffNatIntervalDays a staff member's NAT is overdue after this many days (STF-04, "提高核酸检测频率" in 003)
 */
public record StaffParameters(@Min(1) @Max(60) int staffNatIntervalDays) {

    public static StaffParameters defaults() {
        return new StaffParameters(7);
    }

    /** Declares the group to the policy module. 003 asks for frequent NATs without a number; every preset takes a week. */
    @Component
    static class Group implements PolicyGroup<StaffParameters> {

        @Override
        public String key() {
            return "staff";
        }

        @Override
        public Class<StaffParameters> type() {
            return StaffParameters.class;
        }

        @Override
        public StaffParameters seed(PolicyPreset preset) {
            return defaults();
        }
    }
}
