package com.estateguard.emergency.internal.lockdown;

import com.estateguard.common.IllegalTransition;

/** The incident has no lockdown in force. */
public class NoLockdownInForce extends IllegalTransition {
    public NoLockdownInForce(Object id) {
        super("error.lockdown.none", id);
    }
}
