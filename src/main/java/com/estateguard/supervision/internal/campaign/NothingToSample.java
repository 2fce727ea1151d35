package com.estateguard.supervision.internal.campaign;

import com.estateguard.common.DomainException;

/** A spot check needs inspected estates to choose from. */
public class NothingToSample extends DomainException {

    public NothingToSample() {
        super("error.sup.nothingToSample");
    }
}
