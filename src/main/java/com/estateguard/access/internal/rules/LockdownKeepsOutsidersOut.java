package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-15: while the estate is locked down, no outsider enters. */
final class LockdownKeepsOutsidersOut implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        return c.policy().lockdown() && c.category().outsider() ? List.of(EntryReason.of(ReasonCode.LOCKDOWN)) : List.of();
    }
}
