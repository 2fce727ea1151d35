package com.estateguard.residents.internal;

import com.estateguard.common.IllegalTransition;

/** The parcel was already collected; a pickup is confirmed once. */
public class ParcelAlreadyPickedUp extends IllegalTransition {
    public ParcelAlreadyPickedUp() {
        super("parcel.error.pickedUp");
    }
}
