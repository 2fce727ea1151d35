package com.estateguard.supervision.internal;

import com.estateguard.common.IllegalTransition;

/** The inspection was already corrected; correct the newer record instead. */
public class InspectionAlreadyCorrected extends IllegalTransition {
    public InspectionAlreadyCorrected(long id, long by) {
        super("supervision.error.alreadyCorrected", id, by);
    }
}
