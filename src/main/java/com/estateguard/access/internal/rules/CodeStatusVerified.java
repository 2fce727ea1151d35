package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * A scanned health code whose status is not known: an offline gate could not ask the platform's
 * registers (issue 11). Nothing says the code is not green, nothing says it is: the shift leader
 * decides (REFER), and the server, given the scanned code on sync, decides again.
 */
final class CodeStatusVerified implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var code = c.evidence().healthCode();
        return code != null && code.status() == null ? List.of(EntryReason.of(ReasonCode.CODE_NOT_VERIFIED)) : List.of();
    }
}
