package com.estateguard.policy.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.policy.PolicyPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class PolicyPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<PolicyPermission> permissions() {
        return List.of(PolicyPermission.values());
    }
}
