package com.estateguard.residents.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of the resident features (RES-01..05, ACC-04, ACC-11..14): passes, returnees,
 * visitors. This module's policy group, stored under "residents". A stored version holds every
 * value (V72 wrote the missing ones); none is filled in here.
 *
 * @param passEligibilityDays days without leaving the city before a pass is issued (14 in 002)
 * @param passValidityDays    how long a pass is valid
 */
public record ResidentParameters(@Min(1) @Max(60) int passEligibilityDays, @Min(1) @Max(366) int passValidityDays) {

    public static ResidentParameters defaults() {
        return new ResidentParameters(14, 30);
    }

    /** Declares the group to the policy module. 002 gives the 14 days and no document a validity; every preset takes both. */
    @Component
    static class Group implements PolicyGroup<ResidentParameters> {

        @Override
        public String key() {
            return "residents";
        }

        @Override
        public Class<ResidentParameters> type() {
            return ResidentParameters.class;
        }

        @Override
        public ResidentParameters seed(PolicyPreset preset) {
            return defaults();
        }
    }
}
