/**
 * Emergency response (应急预案, EMG-01..13, ACC-15): each estate's plan and drills, incidents from
 * the first symptom to the CDC's all-clear (observation point, reports, lockdown, contacts found
 * from the estate's own records, NAT screening, terminal disinfection, communication, return).
 * It reads the checkpoint, residents and staff through their APIs; the checkpoint asks it through
 * ports the checkpoint owns; hygiene learns of places to disinfect from its events.
 */
@ApplicationModule(allowedDependencies = {"common", "common :: tabular", "org", "identity", "policy", "healthdata",
        "access", "residents", "staff", "notices", "audit", "evidence", "dailyreport", "demo", "cockpit"})
package com.estateguard.emergency;

import org.springframework.modulith.ApplicationModule;
