package com.estateguard.supervision.internal;

import com.estateguard.common.InvalidInputException;

/** A correction or re-check must be of the same estate (and a correction of the same template). */
public class InspectionMismatch extends InvalidInputException {
    public InspectionMismatch(long id) {
        super("supervision.error.mismatch", id);
    }
}
