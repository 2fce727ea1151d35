package com.estateguard.org;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reading and changing the organisation tree. Each permission names the roles it is granted to. */
public enum OrgPermission implements Permission {
    ORG_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN),
    ORG_WRITE(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY);

    private final Set<Role> roles;

    OrgPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
