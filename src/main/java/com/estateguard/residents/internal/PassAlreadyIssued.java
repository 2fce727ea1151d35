package com.estateguard.residents.internal;

import com.estateguard.common.IllegalTransition;

/** The person already holds a valid pass: one per person, revoke it first to reissue. */
public class PassAlreadyIssued extends IllegalTransition {
    public PassAlreadyIssued() {
        super("pass.error.alreadyIssued");
    }
}
