package com.estateguard.healthdata;

import java.time.Instant;

/** A NAT (核酸) result and the source that gave it. */
public record NatRecord(Instant sampledAt, NatResult result, String source, boolean demo) {
}
