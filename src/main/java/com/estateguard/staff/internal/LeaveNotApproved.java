package com.estateguard.staff.internal;

import com.estateguard.common.IllegalTransition;

/** Only an approved leave can be reported as returned. */
public class LeaveNotApproved extends IllegalTransition {
    public LeaveNotApproved() {
        super("stf.error.leaveNotApproved");
    }
}
