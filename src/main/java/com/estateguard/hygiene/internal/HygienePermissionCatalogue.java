package com.estateguard.hygiene.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.hygiene.HygienePermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class HygienePermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<HygienePermission> permissions() {
        return List.of(HygienePermission.values());
    }
}
