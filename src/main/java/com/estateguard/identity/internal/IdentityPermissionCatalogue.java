package com.estateguard.identity.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.identity.IdentityPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class IdentityPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<IdentityPermission> permissions() {
        return List.of(IdentityPermission.values());
    }
}
