package com.estateguard.healthdata;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Importing the health registers (核酸比对登记簿, health-code lists). Each permission names the roles it is granted to. */
public enum HealthDataPermission implements Permission {
    HEALTH_IMPORT(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    HealthDataPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
