package com.estateguard.emergency.internal.places;

import com.estateguard.common.IllegalTransition;

/** The place was reopened already, by someone else or earlier. */
public class PlaceAlreadyReopened extends IllegalTransition {
    public PlaceAlreadyReopened(String place) {
        super("emg.place.error.reopened", place);
    }
}
