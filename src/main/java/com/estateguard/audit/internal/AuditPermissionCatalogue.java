package com.estateguard.audit.internal;

import com.estateguard.audit.AuditPermission;
import com.estateguard.common.PermissionCatalogue;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class AuditPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<AuditPermission> permissions() {
        return List.of(AuditPermission.values());
    }
}
