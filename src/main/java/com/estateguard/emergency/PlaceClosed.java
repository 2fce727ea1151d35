package com.estateguard.emergency;

import com.estateguard.org.EstateId;
import java.time.Instant;

/**
 * A place the case visited was closed and cordoned: it needs terminal disinfection (终末消毒, EMG-09)
 * before the assessment that reopens it. {@code placeId} is the hygiene place, null for a place named
 * only in the case's account. A drill's closure is flagged so its task is labelled as one.
 */
public record PlaceClosed(long closedPlaceId, IncidentId incident, EstateId estate, Long placeId, String placeName, boolean drill,
                          Instant at) {
}
