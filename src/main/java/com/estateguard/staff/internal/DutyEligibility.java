package com.estateguard.staff.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a staff member may be on duty (STF-01): a temperature above the policy's limit (37.3 °C
 * in 001), or an exposure, makes them ineligible. Every reason is kept.
 */
public record DutyEligibility(List<Reason> reasons) {

    public enum Reason { FEVER, EXPOSURE }

    public static DutyEligibility of(BigDecimal temperatureC, boolean exposure, BigDecimal limitC) {
        List<Reason> reasons = new ArrayList<>();
        if (temperatureC.compareTo(limitC) > 0) {
            reasons.add(Reason.FEVER);
        }
        if (exposure) {
            reasons.add(Reason.EXPOSURE);
        }
        return new DutyEligibility(List.copyOf(reasons));
    }

    public boolean eligible() {
        return reasons.isEmpty();
    }
}
