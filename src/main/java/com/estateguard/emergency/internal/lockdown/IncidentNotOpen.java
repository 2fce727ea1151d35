package com.estateguard.emergency.internal.lockdown;

import com.estateguard.common.IllegalTransition;

/** The incident has ended. */
public class IncidentNotOpen extends IllegalTransition {
    public IncidentNotOpen(Object id) {
        super("error.lockdown.incidentEnded", id);
    }
}
