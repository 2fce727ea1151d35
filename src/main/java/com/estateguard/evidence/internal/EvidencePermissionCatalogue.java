package com.estateguard.evidence.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.evidence.EvidencePermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class EvidencePermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<EvidencePermission> permissions() {
        return List.of(EvidencePermission.values());
    }
}
