package com.estateguard.emergency;

import com.estateguard.org.EstateId;
import java.time.Instant;

/** An incident was opened in the estate (a drill when {@code drill}). */
public record IncidentOpened(IncidentId incident, EstateId estate, boolean drill, Instant at) {
}
