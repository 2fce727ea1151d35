package com.estateguard.supplies.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of the supplies ledger (SUP): this module's policy group, stored under "supplies".
 * A stored version holds every value (V72 wrote the missing ones); none is filled in here.
 *
 * @param supplyCoverDays       days of stock below which a shortfall is raised (one month in 001/004)
 * @param consumptionWindowDays days of consumption averaged for the days of cover (recent daily use)
 */
public record SupplyParameters(@Min(1) @Max(365) int supplyCoverDays, @Min(1) @Max(90) int consumptionWindowDays) {

    public static SupplyParameters defaults() {
        return new SupplyParameters(30, 7);
    }

    /** Declares the group to the policy module. 001 and 004 give the month of cover; every preset takes it. */
    @Component
    static class Group implements PolicyGroup<SupplyParameters> {

        @Override
        public String key() {
            return "supplies";
        }

        @Override
        public Class<SupplyParameters> type() {
            return SupplyParameters.class;
        }

        @Override
        public SupplyParameters seed(PolicyPreset preset) {
            return defaults();
        }
    }
}
