package com.estateguard.audit;

/** What was done with personal data, or at the door of the platform. */
public enum AuditAction {
    /** A full (unmasked) ID number was shown. */
    ID_VIEW,
    /** A register holding personal data was exported. */
    EXPORT,
    /** The gate looked a person up by a scanned or typed code. */
    GATE_LOOKUP,
    /** An emergency case's personal data was shown: the incident with its case person, timeline or contacts. */
    CASE_VIEW,
    SIGN_IN,
    SIGN_IN_FAILED,
    /** A sign-in refused because the account is locked. */
    SIGN_IN_LOCKED
}
