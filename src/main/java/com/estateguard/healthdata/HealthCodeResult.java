package com.estateguard.healthdata;

import java.time.Instant;

/** A health-code status and the source that gave it; {@code demo} results are labelled wherever shown. */
public record HealthCodeResult(String personKey, String personName, String idMasked, CodeStatus status, Instant asOf,
                               String source, boolean demo) {
}
