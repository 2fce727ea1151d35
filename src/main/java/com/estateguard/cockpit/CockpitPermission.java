package com.estateguard.cockpit;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The cockpit. Each permission names the roles it is granted to. */
public enum CockpitPermission implements Permission {
    /** See the figures of one's scope: a region and the estates under it, or one's own estate over 30 days. */
    COCKPIT_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    CockpitPermission(Role... roles) {
        this.roles = EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
