package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-09: closed entrances admit and release no one. */
final class EntranceMustBeOpen implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        return c.entranceOpen() ? List.of() : List.of(EntryReason.of(ReasonCode.ENTRANCE_CLOSED));
    }
}
