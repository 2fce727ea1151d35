package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.OutsiderPolicy;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * ACC-11: outsiders refused except the listed exceptions. A claimed exception goes to the shift
 * leader; one the visited resident registered ahead is admitted (subject to the other checks).
 */
final class OutsiderPolicyRule implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        if (!c.category().outsider() || c.category() == EntrantCategory.COURIER
                || c.policy().outsiderPolicy() != OutsiderPolicy.REFUSE_EXCEPT_LISTED) {
            return List.of();
        }
        if (c.exception() != null && c.policy().outsiderExceptions().contains(c.exception())) {
            return c.preRegistered() ? List.of() : List.of(EntryReason.of(ReasonCode.OUTSIDER_EXCEPTION, c.exception()));
        }
        return List.of(EntryReason.of(ReasonCode.OUTSIDER_NOT_ALLOWED));
    }
}
