package com.estateguard.emergency.internal.lockdown;

import com.estateguard.common.DomainException;

/** The chosen policy version is not an emergency (lockdown) version. */
public class NotAnEmergencyPolicy extends DomainException {
    public NotAnEmergencyPolicy(Object id) {
        super("error.lockdown.notEmergency", id);
    }
}
