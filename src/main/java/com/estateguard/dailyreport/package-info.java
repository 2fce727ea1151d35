/**
 * The estate's daily report (COM-03), compiled from the ReportSection each module contributes.
 */
@ApplicationModule(allowedDependencies = {"common", "org", "policy", "demo", "cockpit"})
package com.estateguard.dailyreport;

import org.springframework.modulith.ApplicationModule;
