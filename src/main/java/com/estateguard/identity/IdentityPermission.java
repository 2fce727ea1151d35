package com.estateguard.identity;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Administering user accounts and device keys. Each permission names the roles it is granted to. */
public enum IdentityPermission implements Permission {
    USER_ADMIN(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, COMPANY_HEAD, PROJECT_MANAGER),
    DEVICE_KEY_ADMIN(PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    IdentityPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
