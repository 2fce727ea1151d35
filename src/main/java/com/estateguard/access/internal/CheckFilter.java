package com.estateguard.access.internal;

import com.estateguard.access.Direction;
import com.estateguard.access.Verdict;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.ReasonCode;
import java.time.Instant;

/** Filters of the check-record list; {@code from} inclusive, {@code to} exclusive. */
public record CheckFilter(Instant from, Instant to, Long estateId, Long entranceId, EntrantCategory category,
                          Verdict decision, ReasonCode reason, Direction direction, String q) {
}
