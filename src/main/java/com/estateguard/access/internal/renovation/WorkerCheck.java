package com.estateguard.access.internal.renovation;

import com.estateguard.common.Fever;
import com.estateguard.common.Reason;
import com.estateguard.common.Rule;
import com.estateguard.policy.PolicyParameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A renovation worker's daily "一登三查" (ACC-14) decided by small named rules: the health code is
 * green, the temperature is not a {@link Fever}, the NAT comparison register holds a negative result
 * within the NAT window, and the site has room under the policy's cap (4 workers in 001).
 */
public final class WorkerCheck {

    /** Why a worker may not go in; the page says it through {@code site.refused.<CODE>}. */
    public enum Refusal { CODE_NOT_GREEN, FEVER, NO_NEGATIVE_NAT, SITE_FULL }

    /** What was found at the door of the site. */
    public record Facts(BigDecimal temperature, boolean codeGreen, Instant natSampledAt, boolean natNegative, Instant now,
                 int onSite) {
    }

    /** The policy numbers used. */
    public record Limits(BigDecimal temperatureLimit, int natWindowHours, int workersPerSite) {

        /** The numbers of the policy in force. */
        public static Limits of(PolicyParameters policy) {
            return new Limits(policy.temperatureLimitC(), policy.natWindowHours(), policy.workersPerSite());
        }
    }

    /** One worker at the door, with the numbers of the policy in force. */
    record Arrival(Facts facts, Limits limits) {
    }

    private static final List<Rule<Arrival, Refusal>> RULES = List.of(
            Rule.when(a -> !a.facts().codeGreen(), a -> refusal(Refusal.CODE_NOT_GREEN)),
            Rule.when(a -> Fever.above(a.facts().temperature(), a.limits().temperatureLimit()),
                    a -> refusal(Refusal.FEVER, a.facts().temperature(), a.limits().temperatureLimit())),
            Rule.when(a -> !negativeNatInWindow(a.facts(), a.limits()),
                    a -> refusal(Refusal.NO_NEGATIVE_NAT, a.limits().natWindowHours())),
            Rule.when(a -> !roomOnSite(a.facts().onSite(), a.limits().workersPerSite()),
                    a -> refusal(Refusal.SITE_FULL, a.facts().onSite(), a.limits().workersPerSite())));

    private WorkerCheck() {
    }

    /** Every reason the worker may not go in; empty means admitted. */
    public static List<Reason<Refusal>> refusals(Facts f, Limits l) {
        return Rule.everyReason(RULES, new Arrival(f, l));
    }

    /** At most {@code cap} workers on one site at once. */
    public static boolean roomOnSite(int onSite, int cap) {
        return onSite < cap;
    }

    private static boolean negativeNatInWindow(Facts f, Limits l) {
        return f.natSampledAt() != null && f.natNegative()
                && !f.natSampledAt().isBefore(f.now().minus(Duration.ofHours(l.natWindowHours())));
    }

    private static Reason<Refusal> refusal(Refusal code, Object... args) {
        return Reason.of(code, "site.refused." + code.name(), args);
    }
}
