package com.estateguard.staff.internal;

import com.estateguard.common.Fever;
import com.estateguard.common.Reason;
import com.estateguard.common.Rule;
import java.math.BigDecimal;
import java.util.List;

/**
 * Whether a staff member may be on duty (STF-01): a {@link Fever} against the policy's limit, or an
 * exposure, makes them ineligible. Every reason is kept.
 */
public record DutyEligibility(List<Reason<Unfit>> reasons) {

    /** Why someone may not be on duty; said through {@code stf.reason.<CODE>}. */
    public enum Unfit { FEVER, EXPOSURE }

    /** One reading of the ledger, with the limit of the policy in force. */
    record Reading(BigDecimal temperatureC, boolean exposure, BigDecimal limitC) {
    }

    private static final List<Rule<Reading, Unfit>> RULES = List.of(
            Rule.when(r -> Fever.above(r.temperatureC(), r.limitC()), r -> reason(Unfit.FEVER)),
            Rule.when(Reading::exposure, r -> reason(Unfit.EXPOSURE)));

    public static DutyEligibility of(BigDecimal temperatureC, boolean exposure, BigDecimal limitC) {
        return new DutyEligibility(Rule.everyReason(RULES, new Reading(temperatureC, exposure, limitC)));
    }

    public boolean eligible() {
        return reasons.isEmpty();
    }

    public List<Unfit> codes() {
        return reasons.stream().map(Reason::code).toList();
    }

    private static Reason<Unfit> reason(Unfit code) {
        return Reason.of(code, "stf.reason." + code.name());
    }
}
