package com.estateguard.notices.internal;

import com.estateguard.common.PermissionCatalogue;
import com.estateguard.notices.NoticePermission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes this module's permissions known to the login, which grants them to roles as authorities. */
@Component
class NoticePermissionCatalogue implements PermissionCatalogue {

    @Override
    public List<NoticePermission> permissions() {
        return List.of(NoticePermission.values());
    }
}
