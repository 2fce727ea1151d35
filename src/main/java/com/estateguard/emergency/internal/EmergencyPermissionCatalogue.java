package com.estateguard.emergency.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.emergency.EmergencyPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class EmergencyPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<EmergencyPermission> permissions() {
        return List.of(EmergencyPermission.values());
    }
}
