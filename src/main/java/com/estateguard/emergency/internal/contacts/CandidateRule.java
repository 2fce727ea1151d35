package com.estateguard.emergency.internal.contacts;

/** The rule that made someone a contact candidate; each comes with the record behind it. */
public enum CandidateRule {
    /** Lives in the same household (register). */
    HOUSEHOLD,
    /** Lives in the same building and unit, on the same floor or directly above or below (the protocol's floors). */
    NEIGHBOUR,
    /** Passed the same entrance within the protocol's minutes of the person, in either direction. */
    SAME_ENTRANCE,
    /** Visited the household (a visit registered by it or at the gate for its address). */
    VISITOR_HOSTED,
    /** Worked at a renovation site at the household's address. */
    WORKER_RECEIVED,
    /** On duty at the same post while the person (staff) was. */
    STAFF_SHIFT,
    /** Added by hand by the investigator. */
    MANUAL
}
