package com.estateguard.emergency.internal.contacts;

/** Where a managed person stands. */
public enum ContactStatus {
    UNDER_MANAGEMENT,
    RELEASED,
    LOST_TO_FOLLOW_UP,
    /** Tested positive: now a case, managed by the CDC, no longer a contact. */
    UPGRADED
}
