package com.estateguard.access.internal.rules;

import com.estateguard.access.internal.NatRegisterParameters;
import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * "一登三查" (000): entrants the policy names (renovation workers under Beijing 2022) come in only
 * when they are in the NAT comparison register (核酸比对登记簿); a green code and a recent NAT are
 * not enough on their own.
 */
final class InNatRegister implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        boolean required = c.policy().findGroup(NatRegisterParameters.class).map(g -> g.requires(c.category())).orElse(false);
        return required && !Boolean.TRUE.equals(c.inNatRegister())
                ? List.of(EntryReason.of(ReasonCode.NOT_IN_NAT_REGISTER)) : List.of();
    }
}
