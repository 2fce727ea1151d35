package com.estateguard.emergency;

import java.time.Instant;

/** One entry of an incident's timeline: when, who, what kind ({@link IncidentLogKinds}) and what. */
public record IncidentLogEntry(long id, IncidentId incident, Instant at, String actor, String kind, String detail) {
}
