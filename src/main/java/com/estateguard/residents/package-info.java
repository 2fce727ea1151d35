/**
 * Residents and households, passes (it implements the checkpoint's PassCheck), returnees, parcels, special groups and home isolation.
 */
@ApplicationModule(allowedDependencies = {"common", "common :: tabular", "org", "policy", "healthdata", "identity", "access", "audit", "demo"})
package com.estateguard.residents;

import org.springframework.modulith.ApplicationModule;
