package com.estateguard.access.internal;

import com.estateguard.access.CheckpointPermission;
import com.estateguard.common.PermissionCatalogue;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class CheckpointPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<CheckpointPermission> permissions() {
        return List.of(CheckpointPermission.values());
    }
}
