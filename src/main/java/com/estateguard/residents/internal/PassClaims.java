package com.estateguard.residents.internal;

import java.time.Instant;

/** What a pass token says: which pass, for which estate, until when. Signed, never trusted unsigned. */
public record PassClaims(long passId, long estateId, Instant expiresAt) {
}
