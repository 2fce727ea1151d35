package com.estateguard.common;

import java.util.Set;

/**
 * What a role may do, granted as a Spring Security authority of the same name. Each module
 * declares its own permissions (an enum implementing this, naming the roles each is granted to)
 * and a {@link PermissionCatalogue} bean, so a new module edits no shared list.
 */
public interface Permission {

    /** The authority's name, as used in {@code hasAuthority('…')}; unique across modules. */
    String name();

    Set<Role> grantedTo();

    default boolean grantedTo(Role role) {
        return grantedTo().contains(role);
    }
}
