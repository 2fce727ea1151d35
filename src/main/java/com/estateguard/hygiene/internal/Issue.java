package com.estateguard.hygiene.internal;

/** Why a recorded disinfection is not compliant. The record is kept as entered; this only marks it. */
public enum Issue {
    AGENT_NOT_ALLOWED, CONCENTRATION_MISSING, CONCENTRATION_LOW, CONCENTRATION_HIGH, VENTILATION_SHORT, WIPE_TOO_LOW
}
