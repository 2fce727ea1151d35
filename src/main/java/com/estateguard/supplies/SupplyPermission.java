package com.estateguard.supplies;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Supplies and the company budget. Each permission names the roles it is granted to. */
public enum SupplyPermission implements Permission {
    SUPPLY_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN),
    SUPPLY_WRITE(PROJECT_MANAGER, PREVENTION_ADMIN),
    BUDGET_WRITE(COMPANY_HEAD);

    private final Set<Role> roles;

    SupplyPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
