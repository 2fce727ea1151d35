package com.estateguard.supervision;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Supervision. Each permission names the roles it is granted to. */
public enum SupervisionPermission implements Permission {
    /** See campaigns, inspections, orders, sanctions and circulars in one's scope (an estate sees its own). */
    SUPERVISION_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION, COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN),
    /** Fill and submit an inspection (authority staff and association inspectors). */
    SUPERVISION_INSPECT(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION),
    /** Write templates, campaigns, groups; order rectification, verify it, record sanctions, publish circulars and letters. */
    SUPERVISION_MANAGE(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROPERTY_ASSOCIATION),
    /** Answer a rectification order (the estate) and sign the responsibility letter (the company's head). */
    SUPERVISION_ANSWER(COMPANY_HEAD, PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    SupervisionPermission(Role... roles) {
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
