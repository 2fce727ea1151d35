package com.estateguard.emergency;

import com.estateguard.org.EstateId;
import java.time.Instant;

/** An incident was ended after the CDC's assessment (EMG-11); a lockdown it started is lifted from this. */
public record IncidentEnded(IncidentId incident, EstateId estate, boolean drill, Instant at) {
}
