package com.estateguard.audit;

import static com.estateguard.common.Role.*;

import com.estateguard.common.Permission;
import com.estateguard.common.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reading the audit trail: the estate's management for their estate, the authorities for the estates under them. */
public enum AuditPermission implements Permission {
    AUDIT_READ(CITY_AUTHORITY, DISTRICT_AUTHORITY, STREET_AUTHORITY, PROJECT_MANAGER, PREVENTION_ADMIN);

    private final Set<Role> roles;

    AuditPermission(Role... roles) {
        this.roles = EnumSet.copyOf(List.of(roles));
    }

    @Override
    public Set<Role> grantedTo() {
        return roles;
    }
}
