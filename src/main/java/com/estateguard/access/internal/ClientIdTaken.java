package com.estateguard.access.internal;

import com.estateguard.common.DomainException;

/** A terminal's client id was already used for a record the caller may not see: not a replay of theirs. */
public class ClientIdTaken extends DomainException {
    public ClientIdTaken() {
        super("error.check.clientIdTaken");
    }
}
