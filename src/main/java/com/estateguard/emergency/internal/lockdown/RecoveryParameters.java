package com.estateguard.emergency.internal.lockdown;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

/**
 * When a recovered case may come home (EMG-13): the emergency module's policy group, stored under
 * "recovery". 004: "病例在治愈出院并完成14天的隔离管理和健康状况监测，且经核酸检测阴性方可返回小区".
 * The other documents say nothing on it, so every preset takes 004's numbers.
 *
 * @param monitoringDays      days of isolation and health monitoring after discharge before the return (14 in 004)
 * @param negativeNatRequired the return also needs a negative NAT taken since discharge
 */
public record RecoveryParameters(@Min(0) @Max(60) int monitoringDays, boolean negativeNatRequired) {

    /** Declares the group to the policy module, with each preset's seed. */
    @Component
    static class Group implements PolicyGroup<RecoveryParameters> {

        @Override
        public String key() {
            return "recovery";
        }

        @Override
        public Class<RecoveryParameters> type() {
            return RecoveryParameters.class;
        }

        @Override
        public RecoveryParameters seed(PolicyPreset preset) {
            return new RecoveryParameters(14, true);
        }
    }
}
