package com.estateguard.residents.internal;

import com.estateguard.common.Reason;
import com.estateguard.common.Rule;
import java.time.LocalDate;
import java.util.List;

/**
 * Who may have a pass (RES-03, 002): no return from outside the city within the policy's days, no
 * abnormality (a positive NAT, an observation period still running), not in home isolation. Each
 * rule is a small named object; every failing rule is reported, not only the first.
 */
public final class PassEligibility {

    /** Why a person may not have a pass; each says it through its {@code pass.refused.*} message. */
    public enum Refusal { RECENT_RETURN, OBSERVATION, ISOLATED, NAT_POSITIVE }

    /** What the register and the health sources know about one person today. */
    public record Facts(LocalDate today, LocalDate lastArrival, String arrivedFrom, LocalDate observationEnd,
                 boolean isolatedToday, boolean natPositive) {
    }

    /** One person's facts under the policy in force. */
    record Applicant(Facts facts, ResidentParameters policy) {
    }

    static final Rule<Applicant, Refusal> NOT_LEFT_CITY = Rule.when(a -> a.facts().lastArrival() != null
                    && a.facts().lastArrival().isAfter(a.facts().today().minusDays(a.policy().passEligibilityDays())),
            a -> Reason.of(Refusal.RECENT_RETURN, "pass.refused.recentReturn", a.policy().passEligibilityDays(),
                    a.facts().lastArrival(), a.facts().arrivedFrom()));
    static final Rule<Applicant, Refusal> OBSERVATION_OVER = Rule.when(a -> a.facts().observationEnd() != null
                    && !a.facts().observationEnd().isBefore(a.facts().today()),
            a -> Reason.of(Refusal.OBSERVATION, "pass.refused.observation", a.facts().observationEnd()));
    static final Rule<Applicant, Refusal> NOT_ISOLATED = Rule.when(a -> a.facts().isolatedToday(),
            a -> Reason.of(Refusal.ISOLATED, "pass.refused.isolated"));
    static final Rule<Applicant, Refusal> NO_POSITIVE_NAT = Rule.when(a -> a.facts().natPositive(),
            a -> Reason.of(Refusal.NAT_POSITIVE, "pass.refused.natPositive"));

    private static final List<Rule<Applicant, Refusal>> RULES = List.of(NOT_LEFT_CITY, OBSERVATION_OVER, NOT_ISOLATED,
            NO_POSITIVE_NAT);

    private PassEligibility() {
    }

    /** Every reason the person may not have a pass; empty means eligible. */
    public static List<Reason<Refusal>> refusals(Facts facts, ResidentParameters policy) {
        return Rule.everyReason(RULES, new Applicant(facts, policy));
    }
}
