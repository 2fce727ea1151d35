/**
 * Hygiene ledgers: places and plans, daily disinfection tasks and records, special waste.
 */
@ApplicationModule(allowedDependencies = {"common", "org", "policy", "dailyreport", "demo", "supervision"})
package com.estateguard.hygiene;

import org.springframework.modulith.ApplicationModule;
