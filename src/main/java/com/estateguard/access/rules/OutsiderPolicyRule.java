package com.estateguard.access.rules;

import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.OutsiderPolicy;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-11: outsiders refused except the listed exceptions, which go to the shift leader. */
final class OutsiderPolicyRule implements EntryRule {
    @Override
    public List<Reason> evaluate(EntryContext c) {
        if (!c.category().outsider() || c.category() == EntrantCategory.COURIER
                || c.policy().outsiderPolicy() != OutsiderPolicy.REFUSE_EXCEPT_LISTED) {
            return List.of();
        }
        if (c.exception() != null && c.policy().outsiderExceptions().contains(c.exception())) {
            return List.of(new Reason(ReasonCode.OUTSIDER_EXCEPTION, c.exception()));
        }
        return List.of(Reason.of(ReasonCode.OUTSIDER_NOT_ALLOWED));
    }
}
