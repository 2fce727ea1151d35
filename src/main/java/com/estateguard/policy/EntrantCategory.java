package com.estateguard.policy;

/** Who is entering. Vehicles are recorded as one check per occupant, each with a category. */
public enum EntrantCategory {
    RESIDENT, TENANT, VISITOR, COURIER, RENOVATION_WORKER, ESTATE_STAFF;

    /** People who live in the estate; lockdown and outsider rules do not turn them away. */
    public boolean livesHere() {
        return this == RESIDENT || this == TENANT;
    }

    public boolean outsider() {
        return !livesHere() && this != ESTATE_STAFF;
    }
}
