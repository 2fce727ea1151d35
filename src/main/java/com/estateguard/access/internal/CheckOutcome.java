package com.estateguard.access.internal;

import com.estateguard.access.Verdict;
import com.estateguard.access.internal.rules.EntryReason;
import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the gate shows after a check: the verdict in large type and every reason. */
public record CheckOutcome(long checkId, UUID clientId, Verdict verdict, List<ReasonView> reasons, long policyVersionId,
                           String personName, String idMasked, Evidence evidence, Instant occurredAt, boolean replayed) {

    /** A reason as the check record keeps it and the API returns it: the code and its figures. */
    public record ReasonView(ReasonCode code, String detail) {
        public static ReasonView of(Reason<ReasonCode> reason) {
            return new ReasonView(reason.code(), EntryReason.detail(reason));
        }
    }
}
