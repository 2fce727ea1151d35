package com.estateguard.org.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.org.OrgPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class OrgPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<OrgPermission> permissions() {
        return List.of(OrgPermission.values());
    }
}
