package com.estateguard.access.internal.rules;

import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-15: while the estate is locked down, no outsider enters. */
final class LockdownKeepsOutsidersOut implements EntryRule {
    @Override
    public List<Reason> evaluate(EntryContext c) {
        return c.policy().lockdown() && c.category().outsider() ? List.of(Reason.of(ReasonCode.LOCKDOWN)) : List.of();
    }
}
