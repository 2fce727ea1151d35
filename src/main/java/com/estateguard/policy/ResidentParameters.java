package com.estateguard.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Policy numbers of the resident features (RES-01..05, ACC-04, ACC-11..14): passes, returnees,
 * visitors. Versions written before a field existed read it as 0 and get the seed default.
 *
 * @param passEligibilityDays days without leaving the city before a pass is issued (14 in 002)
 * @param passValidityDays    how long a pass is valid
 */
public record ResidentParameters(@Min(1) @Max(60) int passEligibilityDays, @Min(1) @Max(366) int passValidityDays) {

    public ResidentParameters {
        passEligibilityDays = passEligibilityDays == 0 ? 14 : passEligibilityDays;
        passValidityDays = passValidityDays == 0 ? 30 : passValidityDays;
    }

    public static ResidentParameters defaults() {
        return new ResidentParameters(14, 30);
    }
}
