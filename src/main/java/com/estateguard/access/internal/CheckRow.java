package com.estateguard.access.internal;

import com.estateguard.access.Direction;
import com.estateguard.access.Verdict;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored check record as the staff pages and the API show it. */
public record CheckRow(long id, UUID clientId, long estateId, String estateName, long entranceId, String entranceName,
                       Instant occurredAt, Direction direction, EntrantCategory category, String personName,
                       String idMasked, UUID groupId, String vehiclePlate, Evidence evidence, Verdict decision,
                       List<ReasonCode> reasonCodes, List<CheckOutcome.ReasonView> reasons, long policyVersionId,
                       Long correctsCheckId, String createdBy, Long shiftId) {
}
