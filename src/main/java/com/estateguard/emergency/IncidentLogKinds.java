package com.estateguard.emergency;

/**
 * The kinds of timeline entries. Other modules log theirs through {@link Incidents#log}; the drill
 * timing report reads {@link #LOCKDOWN_STARTED}, {@link #REPORTED} and {@link #CONTACTS_LISTED}.
 */
public final class IncidentLogKinds {

    public static final String OPENED = "OPENED";
    public static final String MOVED_TO_OBSERVATION = "MOVED_TO_OBSERVATION";
    public static final String CDC_GUIDED_IN = "CDC_GUIDED_IN";
    public static final String REPORTED = "REPORTED";
    public static final String CDC_ASSESSED = "CDC_ASSESSED";
    public static final String ENDED = "ENDED";
    public static final String NOTE = "NOTE";
    /** Written by the lockdown when the estate is closed. */
    public static final String LOCKDOWN_STARTED = "LOCKDOWN_STARTED";
    public static final String LOCKDOWN_LIFTED = "LOCKDOWN_LIFTED";
    /** Written by the contacts work when the first contacts list is confirmed. */
    public static final String CONTACTS_LISTED = "CONTACTS_LISTED";

    private IncidentLogKinds() {
    }
}
