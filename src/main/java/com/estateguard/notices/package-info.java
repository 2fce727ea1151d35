/**
 * De-identified case notices, the publicity checklist and indoor activity rooms.
 */
@ApplicationModule(allowedDependencies = {"common", "org", "demo"})
package com.estateguard.notices;

import org.springframework.modulith.ApplicationModule;
