package com.estateguard.emergency.internal;

import com.estateguard.common.IllegalTransition;
import com.estateguard.emergency.IncidentId;

/** The incident has ended; nothing more can be done in it. */
public class IncidentAlreadyEnded extends IllegalTransition {
    public IncidentAlreadyEnded(IncidentId id) {
        super("emergency.error.alreadyEnded", id.value());
    }
}
