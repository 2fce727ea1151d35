package com.estateguard.residents.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who may have a pass (RES-03, 002): no return from outside the city within the policy's days, no
 * abnormality (a positive NAT, an observation period still running), not in home isolation. Each
 * rule is a small named object; every failing rule is reported, not only the first.
 */
public final class PassEligibility {

    /** What the register and the health sources know about one person today. */
    public record Facts(LocalDate today, LocalDate lastArrival, String arrivedFrom, LocalDate observationEnd,
                 boolean isolatedToday, boolean natPositive) {
    }

    /** A reason as a message key with its arguments. */
    public record Refusal(String key, Object... args) {
    }

    interface Rule {
        Optional<Refusal> check(Facts facts, ResidentParameters policy);
    }

    static final Rule NOT_LEFT_CITY = (f, p) -> f.lastArrival() != null
            && f.lastArrival().isAfter(f.today().minusDays(p.passEligibilityDays()))
            ? Optional.of(new Refusal("pass.refused.recentReturn", p.passEligibilityDays(), f.lastArrival(), f.arrivedFrom()))
            : Optional.empty();
    static final Rule OBSERVATION_OVER = (f, p) -> f.observationEnd() != null && !f.observationEnd().isBefore(f.today())
            ? Optional.of(new Refusal("pass.refused.observation", f.observationEnd())) : Optional.empty();
    static final Rule NOT_ISOLATED = (f, p) -> f.isolatedToday()
            ? Optional.of(new Refusal("pass.refused.isolated")) : Optional.empty();
    static final Rule NO_POSITIVE_NAT = (f, p) -> f.natPositive()
            ? Optional.of(new Refusal("pass.refused.natPositive")) : Optional.empty();

    private static final List<Rule> RULES = List.of(NOT_LEFT_CITY, OBSERVATION_OVER, NOT_ISOLATED, NO_POSITIVE_NAT);

    private PassEligibility() {
    }

    /** Every reason the person may not have a pass; empty means eligible. */
    public static List<Refusal> refusals(Facts facts, ResidentParameters policy) {
        return RULES.stream().flatMap(r -> r.check(facts, policy).stream()).toList();
    }
}
