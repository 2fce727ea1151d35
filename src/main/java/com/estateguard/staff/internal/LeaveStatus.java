package com.estateguard.staff.internal;

/** Where a leave-town request stands (离城审批, STF-05); each step guards the one before it. */
public enum LeaveStatus {
    REQUESTED, APPROVED, REJECTED, RETURNED;

    public LeaveStatus decide(boolean approve) {
        if (this != REQUESTED) {
            throw new LeaveAlreadyDecided();
        }
        return approve ? APPROVED : REJECTED;
    }

    public LeaveStatus reportReturn() {
        if (this != APPROVED) {
            throw new LeaveNotApproved();
        }
        return RETURNED;
    }
}
