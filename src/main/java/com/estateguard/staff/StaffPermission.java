package com.estateguard.staff;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Duty roster and the staff ledgers. Each permission names the roles it is granted to. */
public enum StaffPermission implements Permission {
    ROSTER_WRITE(PROJECT_MANAGER, PREVENTION_ADMIN),
    STAFF_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN),
    STAFF_WRITE(PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    StaffPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
