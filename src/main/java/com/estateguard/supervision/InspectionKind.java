package com.estateguard.supervision;

/** Why an inspection was made (SPV-03..06, SPV-09). */
public enum InspectionKind {
    /** 回家就是督导: an authority staff member inspects the estate they live in. */
    SELF_HOME,
    /** 行业分片督导: an inspection group (组团) inspects an estate of its streets. */
    GROUP,
    /** A supervisor's random spot check of an inspected estate. */
    SPOT_CHECK,
    /** 回头看: the re-check of a rectification, carrying forward the failed items of the inspection it re-checks. */
    RECHECK
}
