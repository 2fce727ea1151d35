/**
 * The authorities' cockpit (驾驶舱, issue 12 section 2): a city, district or street at a glance with
 * drill-down to the estate, and an estate's own figures over 30 days. Figures come from roll-ups
 * kept per estate and hour (check records) or per estate and day (the ledgers' figures), which the
 * owning modules compute through ports this module owns ({@link com.estateguard.cockpit.CheckRollups},
 * {@link com.estateguard.cockpit.DayFigures}); the cockpit stores and serves them, scoped in SQL. Two panels are read
 * live on each view through ports it owns as well: the incidents under way ({@link com.estateguard.cockpit.OpenIncidents})
 * and the campaigns' coverage ({@link com.estateguard.cockpit.CampaignCoverage}).
 */
@ApplicationModule(allowedDependencies = {"common", "org", "identity"})
package com.estateguard.cockpit;

import org.springframework.modulith.ApplicationModule;
