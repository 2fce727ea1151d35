package com.estateguard.healthdata;

import java.util.Optional;

/**
 * Where health-code and NAT status come from. Built in: the platform's own registers and a demo
 * source. A provincial health-code service would be one more implementation.
 */
public interface HealthSource {

    /** Stable name recorded with every result, e.g. {@code REGISTER}. */
    String name();

    boolean demo();

    /** Resolves what a scanner read from a health code; empty when this source does not know it. */
    Optional<HealthCodeResult> healthCode(String scannedPayload);

    /** The newest NAT result of a person, if this source has one. */
    Optional<NatRecord> latestNat(String personKey);

    /**
     * {@link #healthCode} and this source's newest NAT of the person it names (null if it has none). A source that
     * can answer both in one look-up overrides this.
     */
    default Optional<CodeWithNat> healthCodeWithNat(String scannedPayload) {
        return healthCode(scannedPayload).map(code -> new CodeWithNat(code, latestNat(code.personKey()).orElse(null)));
    }
}
