package com.estateguard.emergency.internal.lockdown;

import com.estateguard.common.IllegalTransition;

/** Another lockdown of the estate is in force. */
public class EstateAlreadyLockedDown extends IllegalTransition {
    public EstateAlreadyLockedDown(Object id) {
        super("error.lockdown.estateClosed", id);
    }
}
