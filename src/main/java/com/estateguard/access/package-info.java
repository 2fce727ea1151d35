/**
 * The checkpoint: entry checks and their rules, the recorder, follow-ups, visitors, renovation workers. It owns the ports it asks through (PassCheck, GuardShifts).
 */
@ApplicationModule(allowedDependencies = {"common", "org", "identity", "policy", "healthdata", "dailyreport", "audit", "demo", "supervision", "cockpit"})
package com.estateguard.access;

import org.springframework.modulith.ApplicationModule;
