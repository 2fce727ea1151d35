package com.estateguard.common;

import java.util.List;

/** One module's permissions, as a bean: the login collects every catalogue to build a role's authorities. */
public interface PermissionCatalogue {

    List<? extends Permission> permissions();
}
