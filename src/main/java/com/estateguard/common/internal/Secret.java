package com.estateguard.common.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.PropertyResolver;

/**
 * A secret the application cannot run safely without, named by its property and by the environment
 * variable an operator sets. Its value is weak when it is missing, one of the values shipped with the
 * application (they are public, in the source and the demo profile) or too short to be a real secret.
 */
record Secret(String property, String variable) {

    /** The person-key secret keys the hash of ID numbers in the health registers. */
    static final Secret PERSON_KEY = new Secret("estateguard.person-key-secret", "ESTATEGUARD_PERSON_KEY_SECRET");
    /** The ID key encrypts ID numbers at rest and the pass-signing key. */
    static final Secret ID_KEY = new Secret("estateguard.crypto.id-key", "ESTATEGUARD_CRYPTO_ID_KEY");
    static final List<Secret> REQUIRED = List.of(PERSON_KEY, ID_KEY);
    /** Versioned ID keys, {@code id-keys.<version>}; the single {@code id-key} is version 1. */
    static final String ID_KEYS = "estateguard.crypto.id-keys";
    /** The ID key version new values are written with (the highest configured when unset). */
    static final String ID_KEY_VERSION = "estateguard.crypto.id-key-version";

    /** One version of the ID key, named as an operator sets it (relaxed binding: no dash in the variable). */
    static Secret idKey(String version) {
        return new Secret(ID_KEYS + "." + version, "ESTATEGUARD_CRYPTO_IDKEYS_" + version);
    }

    static final int MIN_LENGTH = 32;
    /** Every secret value ever shipped: the old defaults, kept in the demo profile for existing demo data. */
    static final Set<String> SHIPPED = Set.of("change-me-in-production-estateguard",
            "dev-only-id-key-change-me-in-production");

    /** Why the value in the environment is not good enough, or empty when it is. */
    Optional<String> weakness(PropertyResolver environment) {
        String value = environment.getProperty(property, "").strip();
        if (value.isEmpty()) {
            return Optional.of("is not set");
        }
        if (SHIPPED.contains(value)) {
            return Optional.of("is a value shipped with EstateGuard, public in its source");
        }
        if (value.length() < MIN_LENGTH) {
            return Optional.of("is shorter than " + MIN_LENGTH + " characters");
        }
        return Optional.empty();
    }

    String describe(String weakness) {
        return variable + " (" + property + ") " + weakness;
    }
}
