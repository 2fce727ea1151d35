package com.estateguard.supervision.internal.campaign;

import com.estateguard.common.IllegalTransition;

/** A phase ending before it starts, or starting before the phase it follows has begun or ended. */
public class PhaseDatesInvalid extends IllegalTransition {

    public PhaseDatesInvalid(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
