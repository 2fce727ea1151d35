package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** "二问": a person who reports symptoms does not enter; the policy names the follow-up. */
final class NoSymptoms implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var a = c.evidence().answers();
        return a != null && Boolean.TRUE.equals(a.symptoms()) ? List.of(EntryReason.of(ReasonCode.SYMPTOMS)) : List.of();
    }
}
