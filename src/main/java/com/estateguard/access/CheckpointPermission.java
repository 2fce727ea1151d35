package com.estateguard.access;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What people may do at the checkpoint: record and read checks, close follow-ups, open and close entrances, register visitors and renovation workers. Each permission names the roles it is granted to. */
public enum CheckpointPermission implements Permission {
    CHECK_RECORD(PROJECT_MANAGER, PREVENTION_ADMIN, GUARD, DEVICE),
    CHECK_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN, GUARD),
    /** The check list as Excel (names, masked ID numbers: personal data, audited); not the guard. */
    CHECK_EXPORT(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN),
    FOLLOW_UP_CLOSE(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROJECT_MANAGER, PREVENTION_ADMIN),
    ENTRANCE_WRITE(PROJECT_MANAGER, PREVENTION_ADMIN),
    VISITOR_PREREGISTER(RESIDENT),
    VISITOR_REGISTER(PROJECT_MANAGER, PREVENTION_ADMIN, GUARD),
    SITE_MANAGE(PROJECT_MANAGER, PREVENTION_ADMIN, GUARD);

    private final Set<Role> roles;

    CheckpointPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
