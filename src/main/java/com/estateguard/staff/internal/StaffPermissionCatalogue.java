package com.estateguard.staff.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.staff.StaffPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class StaffPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<StaffPermission> permissions() {
        return List.of(StaffPermission.values());
    }
}
