package com.estateguard.notices;

/** What a public notice reports (COM-02): a confirmed or suspected case, or a home-isolated resident. */
public enum CaseKind {
    CONFIRMED, SUSPECTED, HOME_ISOLATION
}
