/**
 * Evidence that proves itself (证据链): a hash chain per kind, estate and day over the evidence rows
 * (checks, hygiene records, staff readings, supply movements, submitted reports), its verification,
 * and the retention purge that keeps the chain verifiable. It answers the daily report's ChainWitness.
 */
@ApplicationModule(allowedDependencies = {"common", "org", "policy", "dailyreport"})
package com.estateguard.evidence;

import org.springframework.modulith.ApplicationModule;
