package com.estateguard.hygiene.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of the disinfection ledger (HYG): this module's policy group, stored under
 * "hygiene". A stored version holds every value (V72 wrote the missing ones); none is filled in here.
 *
 * @param disinfectionTimesPerDay  public areas, touch points, lifts, bins: at least this often a day (2 in 001/002)
 * @param chlorineMinMgL           lowest available-chlorine concentration for public areas (250 mg/L in 001)
 * @param chlorineMaxMgL           highest available-chlorine concentration for public areas (500 mg/L in 001)
 * @param wasteBinChlorineMgL      concentration required around waste bins (500 mg/L in 001)
 * @param ventilationMinutes       ventilation after disinfecting a public area (15-20 min in 001: the lower bound)
 * @param indoorVentilationMinutes ventilation of indoor common rooms (30 min in 001)
 * @param liftWipeHeightM          lift cars wiped at least this high (1.8 m in 001)
 */
public record HygieneParameters(@Min(1) @Max(24) int disinfectionTimesPerDay,
                                @Min(1) @Max(10000) int chlorineMinMgL,
                                @Min(1) @Max(10000) int chlorineMaxMgL,
                                @Min(1) @Max(10000) int wasteBinChlorineMgL,
                                @Min(1) @Max(240) int ventilationMinutes,
                                @Min(1) @Max(240) int indoorVentilationMinutes,
                                @NotNull @DecimalMin("0.5") @DecimalMax("5.0") BigDecimal liftWipeHeightM) {

    public static HygieneParameters defaults() {
        return new HygieneParameters(2, 250, 500, 500, 15, 30, new BigDecimal("1.8"));
    }

    /** Declares the group to the policy module. 001 (and 002 for the twice a day) gives these numbers; every preset takes them. */
    @Component
    static class Group implements PolicyGroup<HygieneParameters> {

        @Override
        public String key() {
            return "hygiene";
        }

        @Override
        public Class<HygieneParameters> type() {
            return HygieneParameters.class;
        }

        @Override
        public HygieneParameters seed(PolicyPreset preset) {
            return defaults();
        }
    }
}
