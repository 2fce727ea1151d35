package com.estateguard.policy;

/**
 * The checks a policy can require: "四件套", the two questions of "一测二问三核查" and its three
 * checks (三核查, 001): the ID document (身份证), the residence permit (居住证) and the travel code (行程码).
 */
public enum CheckKind {
    TEMPERATURE, HEALTH_CODE, CREDENTIAL, NAT, QUESTIONS, ID_DOCUMENT, RESIDENCE_PERMIT, TRAVEL_CODE;

    /** One of "三核查": each is judged by its own rule, with its own reason, not as a missing "四件套" check. */
    public boolean threeChecks() {
        return this == ID_DOCUMENT || this == RESIDENCE_PERMIT || this == TRAVEL_CODE;
    }
}
