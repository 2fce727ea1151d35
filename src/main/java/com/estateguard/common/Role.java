package com.estateguard.common;

import java.util.List;

/** The people who log in (ORG-01..03). What each may do is declared by the modules' permissions (see {@link Permission}). */
public enum Role {
    CITY_AUTHORITY(Level.REGION),
    DISTRICT_AUTHORITY(Level.REGION),
    STREET_AUTHORITY(Level.REGION),
    PROPERTY_ASSOCIATION(Level.REGION),
    COMPANY_HEAD(Level.COMPANY),
    PROJECT_MANAGER(Level.ESTATE),
    PREVENTION_ADMIN(Level.ESTATE),
    GUARD(Level.ESTATE),
    CLEANER(Level.ESTATE),
    RESIDENT(Level.ESTATE),
    /** A smart terminal authenticated by API key; never a login. */
    DEVICE(Level.ESTATE);

    /** Which tree a role's scope is anchored in. */
    public enum Level { REGION, COMPANY, ESTATE }

    private final Level level;

    Role(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }

    /** Roles a person can be given through the user pages (never DEVICE). */
    public static List<Role> assignable() {
        return List.of(values()).stream().filter(r -> r != DEVICE).toList();
    }
}
