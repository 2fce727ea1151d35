package com.estateguard.emergency.internal.places;

import org.springframework.data.repository.CrudRepository;

/** Saves closures and their one transition, reopening; lists are SQL in {@link PlaceClosures}. */
interface ClosedPlaceRepository extends CrudRepository<ClosedPlace, Long> {
}
