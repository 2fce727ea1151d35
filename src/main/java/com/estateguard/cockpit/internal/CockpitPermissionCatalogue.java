package com.estateguard.cockpit.internal;

import com.estateguard.cockpit.CockpitPermission;
import com.estateguard.common.PermissionCatalogue;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class CockpitPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<CockpitPermission> permissions() {
        return List.of(CockpitPermission.values());
    }
}
