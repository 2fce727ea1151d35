package com.estateguard.residents;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The residents register (RES-01): read masked, write, see full ID numbers, export; returnees (RES-02). Each permission names the roles it is granted to. */
public enum ResidentPermission implements Permission {
    RESIDENT_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROJECT_MANAGER, PREVENTION_ADMIN, GUARD),
    RESIDENT_WRITE(PROJECT_MANAGER, PREVENTION_ADMIN),
    RESIDENT_ID_VIEW(PROJECT_MANAGER, PREVENTION_ADMIN),
    /** Downloading the register (names, rooms, phones): not the guard, who reads it at the gate. */
    RESIDENT_EXPORT(PROJECT_MANAGER, PREVENTION_ADMIN),
    RETURNEE_REGISTER(PROJECT_MANAGER, PREVENTION_ADMIN, GUARD),
    RETURN_SELF_REPORT(RESIDENT);

    private final Set<Role> roles;

    ResidentPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
