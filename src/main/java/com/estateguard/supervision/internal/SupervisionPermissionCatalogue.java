package com.estateguard.supervision.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.supervision.SupervisionPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class SupervisionPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<SupervisionPermission> permissions() {
        return List.of(SupervisionPermission.values());
    }
}
