package com.estateguard.hygiene;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Hygiene ledgers: read, record a disinfection, plan places. Each permission names the roles it is granted to. */
public enum HygienePermission implements Permission {
    HYGIENE_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN, CLEANER),
    HYGIENE_RECORD(PROJECT_MANAGER, PREVENTION_ADMIN, CLEANER),
    HYGIENE_PLAN(PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    HygienePermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
