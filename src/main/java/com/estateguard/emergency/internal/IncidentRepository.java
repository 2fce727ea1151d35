package com.estateguard.emergency.internal;

import org.springframework.data.repository.CrudRepository;

/** Loads and saves incidents for their transitions; lists and the timeline are SQL. */
interface IncidentRepository extends CrudRepository<Incident, Long> {
}
