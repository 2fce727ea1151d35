package com.estateguard.access.internal;

import org.springframework.data.repository.CrudRepository;

/** Loads and saves follow-ups for their one transition; lists are SQL in {@link FollowUps}. */
interface FollowUpRepository extends CrudRepository<FollowUp, Long> {
}
