package com.estateguard.access.internal;

import com.estateguard.access.Verdict;
import com.estateguard.policy.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the gate shows after a check: the verdict in large type and every reason. */
public record CheckOutcome(long checkId, UUID clientId, Verdict verdict, List<ReasonView> reasons, long policyVersionId,
                           String personName, String idMasked, Evidence evidence, Instant occurredAt, boolean replayed) {

    public record ReasonView(ReasonCode code, String detail) {
    }
}
