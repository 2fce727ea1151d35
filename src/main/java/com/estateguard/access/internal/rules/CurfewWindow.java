package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-09: no entry or exit in the curfew window (00:00-06:00 in 002) except declared emergencies. */
final class CurfewWindow implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        if (!c.policy().inCurfew(c.localTime())) {
            return List.of();
        }
        String window = c.policy().curfewStart() + "-" + c.policy().curfewEnd();
        return List.of(EntryReason.of(c.emergency() ? ReasonCode.CURFEW_EMERGENCY : ReasonCode.CURFEW, window));
    }
}
