/**
 * Shared kernel: the current user, roles and permissions, errors mapped once to problem+json and pages, ID numbers, paging, the embedded database and web set-up.
 */
@ApplicationModule(allowedDependencies = {})
package com.estateguard.common;

import org.springframework.modulith.ApplicationModule;
