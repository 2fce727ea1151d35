package com.estateguard.staff.internal;

import com.estateguard.common.IllegalTransition;

/** The leave request was already approved or rejected; a decision is made once. */
public class LeaveAlreadyDecided extends IllegalTransition {
    public LeaveAlreadyDecided() {
        super("stf.error.leaveDecided");
    }
}
