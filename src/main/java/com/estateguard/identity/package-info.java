/**
 * Users, login and lock-out, device API keys, security; the staff directory is the only way other modules learn about accounts.
 */
@ApplicationModule(allowedDependencies = {"common", "org", "audit"})
package com.estateguard.identity;

import org.springframework.modulith.ApplicationModule;
