package com.estateguard.emergency.internal.places;

import com.estateguard.common.IllegalTransition;

/** Reopening refused: no passing assessment of the terminal disinfection is recorded for the place. */
public class PlaceNotAssessed extends IllegalTransition {
    public PlaceNotAssessed(String place) {
        super("emg.place.error.notAssessed", place);
    }
}
