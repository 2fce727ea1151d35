package com.estateguard.supervision.internal.campaign;

import com.estateguard.common.DomainException;

/** A street or town is covered by one group of a campaign only. */
public class StreetAlreadyCovered extends DomainException {

    public StreetAlreadyCovered(String street, String group) {
        super("error.sup.streetCovered", street, group);
    }
}
