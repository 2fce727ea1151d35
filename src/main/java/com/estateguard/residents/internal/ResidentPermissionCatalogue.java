package com.estateguard.residents.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.residents.ResidentPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class ResidentPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<ResidentPermission> permissions() {
        return List.of(ResidentPermission.values());
    }
}
