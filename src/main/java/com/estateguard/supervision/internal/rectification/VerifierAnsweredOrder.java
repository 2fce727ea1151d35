package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.DomainException;

/** The person who submitted the estate's answer may not also verify it. */
public class VerifierAnsweredOrder extends DomainException {
    VerifierAnsweredOrder() {
        super("spv.order.error.verifierAnswered");
    }
}
