package com.estateguard.emergency;

import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.List;

/**
 * The places an incident closed and cordoned (封闭场所, EMG-05) that are not reopened yet, for the
 * pages of those who work there (the cleaners' tasks, the hygiene pages).
 */
public interface ClosedPlaces {

    /** A closed place; {@code placeId} is the hygiene place when it is one, null for one named in the case's account. */
    record ClosedPlace(long id, IncidentId incident, boolean drill, Long placeId, String name, Instant closedAt) {
    }

    /** The estate's places closed now, oldest closure first. */
    List<ClosedPlace> closedIn(EstateId estate);
}
