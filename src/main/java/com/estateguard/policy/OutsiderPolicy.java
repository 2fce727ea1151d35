package com.estateguard.policy;

/** ACC-11: outsiders admitted after the checks, or refused except the listed exceptions. */
public enum OutsiderPolicy { ADMIT_WITH_CHECKS, REFUSE_EXCEPT_LISTED }
