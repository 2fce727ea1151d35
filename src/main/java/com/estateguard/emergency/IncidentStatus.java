package com.estateguard.emergency;

/** An incident is open until the CDC's assessment is recorded and someone ends it (EMG-11). */
public enum IncidentStatus {
    OPEN, ENDED
}
