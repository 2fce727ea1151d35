package com.estateguard.common;

import static com.estateguard.common.Permission.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The people who log in (ORG-01..03) and what each may do. */
public enum Role {
    CITY_AUTHORITY(Level.REGION, EnumSet.of(CHECK_READ, FOLLOW_UP_CLOSE, POLICY_READ, POLICY_WRITE, ORG_READ, ORG_WRITE, USER_ADMIN, HEALTH_IMPORT,
            HYGIENE_READ, REPORT_READ, SUPPLY_READ, STAFF_READ, NOTICE_READ, RESIDENT_READ)),
    DISTRICT_AUTHORITY(Level.REGION, EnumSet.of(CHECK_READ, FOLLOW_UP_CLOSE, POLICY_READ, POLICY_WRITE, ORG_READ, ORG_WRITE, USER_ADMIN, HEALTH_IMPORT,
            HYGIENE_READ, REPORT_READ, SUPPLY_READ, STAFF_READ, NOTICE_READ, RESIDENT_READ)),
    STREET_AUTHORITY(Level.REGION, EnumSet.of(CHECK_READ, FOLLOW_UP_CLOSE, POLICY_READ, ORG_READ, ORG_WRITE, USER_ADMIN, HEALTH_IMPORT,
            HYGIENE_READ, REPORT_READ, SUPPLY_READ, STAFF_READ, NOTICE_READ, RESIDENT_READ)),
    PROPERTY_ASSOCIATION(Level.REGION, EnumSet.of(CHECK_READ, POLICY_READ, ORG_READ, HYGIENE_READ, REPORT_READ, SUPPLY_READ, STAFF_READ, NOTICE_READ)),
    COMPANY_HEAD(Level.COMPANY, EnumSet.of(CHECK_READ, POLICY_READ, ORG_READ, USER_ADMIN, HYGIENE_READ, REPORT_READ, SUPPLY_READ, STAFF_READ,
            BUDGET_WRITE, NOTICE_READ)),
    PROJECT_MANAGER(Level.ESTATE, EnumSet.of(CHECK_RECORD, CHECK_READ, FOLLOW_UP_CLOSE, ROSTER_WRITE, POLICY_READ, ORG_READ,
            ENTRANCE_WRITE, USER_ADMIN, DEVICE_KEY_ADMIN, HEALTH_IMPORT,
            HYGIENE_READ, HYGIENE_RECORD, HYGIENE_PLAN, REPORT_READ, REPORT_SUBMIT,
            SUPPLY_READ, SUPPLY_WRITE, STAFF_READ, STAFF_WRITE, NOTICE_READ, NOTICE_WRITE,
            RESIDENT_READ, RESIDENT_WRITE, RESIDENT_ID_VIEW, VISITOR_REGISTER, RETURNEE_REGISTER, SITE_MANAGE)),
    PREVENTION_ADMIN(Level.ESTATE, EnumSet.of(CHECK_RECORD, CHECK_READ, FOLLOW_UP_CLOSE, ROSTER_WRITE, POLICY_READ, ORG_READ,
            ENTRANCE_WRITE, DEVICE_KEY_ADMIN, HEALTH_IMPORT,
            HYGIENE_READ, HYGIENE_RECORD, HYGIENE_PLAN, REPORT_READ, REPORT_SUBMIT,
            SUPPLY_READ, SUPPLY_WRITE, STAFF_READ, STAFF_WRITE, NOTICE_READ, NOTICE_WRITE,
            RESIDENT_READ, RESIDENT_WRITE, RESIDENT_ID_VIEW, VISITOR_REGISTER, RETURNEE_REGISTER, SITE_MANAGE)),
    GUARD(Level.ESTATE, EnumSet.of(CHECK_RECORD, CHECK_READ, POLICY_READ, NOTICE_READ,
            RESIDENT_READ, VISITOR_REGISTER, RETURNEE_REGISTER, SITE_MANAGE)),
    CLEANER(Level.ESTATE, EnumSet.of(HYGIENE_READ, HYGIENE_RECORD, NOTICE_READ)),
    RESIDENT(Level.ESTATE, EnumSet.of(NOTICE_READ, VISITOR_PREREGISTER, RETURN_SELF_REPORT)),
    /** A smart terminal authenticated by API key; never a login. */
    DEVICE(Level.ESTATE, EnumSet.of(CHECK_RECORD));

    /** Which tree a role's scope is anchored in. */
    public enum Level { REGION, COMPANY, ESTATE }

    private final Level level;
    private final Set<Permission> permissions;

    Role(Level level, Set<Permission> permissions) {
        this.level = level;
        this.permissions = permissions;
    }

    public Level level() {
        return level;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Roles a person can be given through the user pages (never DEVICE). */
    public static List<Role> assignable() {
        return List.of(values()).stream().filter(r -> r != DEVICE).toList();
    }
}
