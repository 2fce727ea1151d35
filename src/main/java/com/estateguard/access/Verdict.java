package com.estateguard.access;

/** The decision at the gate: allow, refuse, or refer to the shift leader. */
public enum Verdict { ALLOW, REFUSE, REFER }
