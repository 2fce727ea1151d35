/**
 * Epidemic-prevention supplies: stock, days of cover, flammable storage, budgets.
 */
@ApplicationModule(allowedDependencies = {"common", "org", "policy", "dailyreport", "demo", "supervision", "cockpit"})
package com.estateguard.supplies;

import org.springframework.modulith.ApplicationModule;
