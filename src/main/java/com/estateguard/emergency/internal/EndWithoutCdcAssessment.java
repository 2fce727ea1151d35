package com.estateguard.emergency.internal;

import com.estateguard.common.IllegalTransition;
import com.estateguard.emergency.IncidentId;

/** Ending refused: the CDC's assessment (who, when, result) has not been recorded (EMG-11). */
public class EndWithoutCdcAssessment extends IllegalTransition {
    public EndWithoutCdcAssessment(IncidentId id) {
        super("emergency.error.endWithoutCdc", id.value());
    }
}
