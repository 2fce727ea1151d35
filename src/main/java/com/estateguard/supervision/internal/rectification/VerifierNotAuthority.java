package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.DomainException;

/** Only an authority user (city, district, street or the association) verifies a rectification. */
public class VerifierNotAuthority extends DomainException {
    VerifierNotAuthority() {
        super("spv.order.error.verifierNotAuthority");
    }
}
