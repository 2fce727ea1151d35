/**
 * Versioned policy parameters, the presets from the source documents and their resolution in time and scope.
 */
@ApplicationModule(allowedDependencies = {"common", "org"})
package com.estateguard.policy;

import org.springframework.modulith.ApplicationModule;
