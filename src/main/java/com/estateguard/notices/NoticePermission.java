package com.estateguard.notices;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Case notices and publicity. Each permission names the roles it is granted to. */
public enum NoticePermission implements Permission {
    NOTICE_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN, GUARD, CLEANER, RESIDENT),
    NOTICE_WRITE(PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    NoticePermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
