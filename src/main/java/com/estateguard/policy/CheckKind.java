package com.estateguard.policy;

/** The checks a policy can require: "四件套" plus the two questions of "一测二问三核查". */
public enum CheckKind { TEMPERATURE, HEALTH_CODE, CREDENTIAL, NAT, QUESTIONS }
