package com.estateguard.dailyreport.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.dailyreport.ReportPermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class ReportPermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<ReportPermission> permissions() {
        return List.of(ReportPermission.values());
    }
}
