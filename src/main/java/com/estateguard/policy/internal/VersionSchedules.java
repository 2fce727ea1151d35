package com.estateguard.policy.internal;

import org.springframework.data.repository.CrudRepository;

/** Loads and saves a version's schedule for withdrawal; versions are written and read by {@link PolicyRepository}. */
public interface VersionSchedules extends CrudRepository<VersionSchedule, Long> {
}
