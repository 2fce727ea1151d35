package com.estateguard.common;

import java.math.BigDecimal;

/**
 * Fever (发热): a reading strictly above the limit of the policy in force (37.3 °C in the seeds), so a
 * reading at the limit is not a fever. The one predicate for the gate, the renovation site and the staff
 * ledger, so the same person is not let in at one door and turned away at the next.
 */
public final class Fever {

    private Fever() {
    }

    /** True when {@code celsius} is above {@code limitC}; the limit always comes from the policy. */
    public static boolean above(BigDecimal celsius, BigDecimal limitC) {
        return celsius.compareTo(limitC) > 0;
    }
}
