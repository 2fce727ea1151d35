package com.estateguard.supervision.internal.campaign;

import com.estateguard.common.DomainException;

/** 回家就是督导 is for the housing authorities' staff; others record no home. */
public class NotAnAuthority extends DomainException {

    public NotAnAuthority() {
        super("error.sup.notAnAuthority");
    }
}
