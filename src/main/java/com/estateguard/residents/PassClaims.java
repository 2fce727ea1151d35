package com.estateguard.residents;

import java.time.Instant;

/** What a pass token says: which pass, for which estate, until when. Signed, never trusted unsigned. */
record PassClaims(long passId, long estateId, Instant expiresAt) {
}
