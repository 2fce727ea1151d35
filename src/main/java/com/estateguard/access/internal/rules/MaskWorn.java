package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-10: masks required at entry where the policy says so; the guard reminds and re-checks. */
final class MaskWorn implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        return c.policy().masksRequired() && !Boolean.TRUE.equals(c.evidence().mask())
                ? List.of(EntryReason.of(ReasonCode.NO_MASK)) : List.of();
    }
}
