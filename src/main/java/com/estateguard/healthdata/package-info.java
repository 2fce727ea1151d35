/**
 * Health-code and NAT evidence: the HealthSource port, the platform's own registers and the labelled demo source.
 */
@ApplicationModule(allowedDependencies = {"common"})
package com.estateguard.healthdata;

import org.springframework.modulith.ApplicationModule;
