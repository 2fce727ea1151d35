/**
 * Hygiene ledgers: places and plans, daily disinfection tasks and records, special waste, and terminal
 * disinfection of the places an incident closed (it implements emergency's EstatePlaces and listens to PlaceClosed).
 */
@ApplicationModule(allowedDependencies = {"common", "org", "policy", "dailyreport", "emergency", "demo", "supervision", "cockpit"})
package com.estateguard.hygiene;

import org.springframework.modulith.ApplicationModule;
