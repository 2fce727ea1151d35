package com.estateguard.identity.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.common.Role;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** A role's authorities: ROLE_<role> and every permission any module grants it, collected once at start. */
@Component
class RoleAuthorities {

    private final Map<Role, List<GrantedAuthority>> byRole = new EnumMap<>(Role.class);

    RoleAuthorities(List<PermissionCatalogue> catalogues) {
        for (Role role : Role.values()) {
            var permissions = catalogues.stream().flatMap(c -> c.permissions().stream())
                    .filter(p -> p.grantedTo(role)).map(p -> p.name()).sorted();
            byRole.put(role, Stream.concat(Stream.of("ROLE_" + role.name()), permissions)
                    .map(SimpleGrantedAuthority::new).map(GrantedAuthority.class::cast).toList());
        }
    }

    List<GrantedAuthority> of(Role role) {
        return byRole.get(role);
    }
}
