package com.estateguard.emergency;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Emergency response. Each permission names the roles it is granted to. */
public enum EmergencyPermission implements Permission {
    /** See the estate's plan, incidents and their timings (authorities see those in their scope). */
    EMERGENCY_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN),
    /** Write the plan, run drills, open and run an incident (the estate's emergency group). */
    EMERGENCY_RUN(PROJECT_MANAGER, PREVENTION_ADMIN),
    /** See contact lists and the case's timeline: the incident's group and the authorities above it; every view audited. */
    EMERGENCY_CONTACTS(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    EmergencyPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
