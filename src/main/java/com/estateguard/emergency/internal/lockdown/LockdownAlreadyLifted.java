package com.estateguard.emergency.internal.lockdown;

import com.estateguard.common.IllegalTransition;

/** The incident's lockdown was already lifted. */
public class LockdownAlreadyLifted extends IllegalTransition {
    public LockdownAlreadyLifted(Object id) {
        super("error.lockdown.lifted", id);
    }
}
