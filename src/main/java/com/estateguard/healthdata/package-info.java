/**
 * Health-code and NAT evidence: the HealthSource port, the platform's own registers and the labelled demo source.
 */
@ApplicationModule(allowedDependencies = {"common", "common :: tabular"})
package com.estateguard.healthdata;

import org.springframework.modulith.ApplicationModule;
