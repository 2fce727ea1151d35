package com.estateguard.residents;

import com.estateguard.org.EstateId;
import java.time.Instant;

/**
 * A resident pass was revoked (it is committed): the gate refuses it from now on. Published so
 * what keeps its own copy of passes (an offline gate's revocation list) can drop it.
 */
public record PassRevoked(PassId passId, EstateId estateId, Instant revokedAt, String reason) {
}
