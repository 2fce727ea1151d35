package com.estateguard.supplies.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.supplies.SupplyPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class SupplyPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<SupplyPermission> permissions() {
        return List.of(SupplyPermission.values());
    }
}
