package com.estateguard.supervision.internal.campaign;

/** What brings an inspector to an estate: their own home (回家就是督导), their group, a spot check or a re-check. */
public enum InspectionKind { SELF_HOME, GROUP, SPOT_CHECK, RECHECK }
