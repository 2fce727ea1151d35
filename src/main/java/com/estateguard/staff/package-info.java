/**
 * Estate staff: the duty roster (it implements the checkpoint's GuardShifts), temperatures and fitness for duty, vaccination, NAT, training and leave.
 */
@ApplicationModule(allowedDependencies = {"common", "org", "policy", "identity", "access", "dailyreport", "demo", "supervision", "cockpit"})
package com.estateguard.staff;

import org.springframework.modulith.ApplicationModule;
