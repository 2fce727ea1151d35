package com.estateguard.residents.internal;

import com.estateguard.common.IllegalTransition;
import com.estateguard.residents.PassId;

/** The pass was already revoked; the first revocation and its reason stand. */
public class PassAlreadyRevoked extends IllegalTransition {
    public PassAlreadyRevoked(PassId id) {
        super("pass.error.alreadyRevoked", id.value());
    }
}
