package com.estateguard.access.internal;

import com.estateguard.common.DomainException;

/** The guard is on no duty shift at this entrance now; a check is recorded for the shift one is on. */
public class NotOnShift extends DomainException {
    public NotOnShift(String where) {
        super("error.check.notOnShift", where);
    }
}
