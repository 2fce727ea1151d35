package com.estateguard.healthdata.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.healthdata.HealthDataPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class HealthDataPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<HealthDataPermission> permissions() {
        return List.of(HealthDataPermission.values());
    }
}
