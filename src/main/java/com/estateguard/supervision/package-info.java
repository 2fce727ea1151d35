/**
 * Supervision of estates by the housing authorities and the property association (SPV-01..11):
 * checklist templates as versioned data, campaigns with phases, inspection groups (组团) and
 * coverage, scored inspections on a phone with the estate's own records beside each item,
 * rectification orders in working days, re-checks, sanctions, circulars and the responsibility
 * letter. Other modules contribute the record evidence beside an item through
 * {@link com.estateguard.supervision.RecordEvidence}, as they contribute daily-report sections.
 */
@ApplicationModule(allowedDependencies = {"common", "common :: tabular", "org", "identity", "policy", "audit", "evidence", "demo", "cockpit"})
package com.estateguard.supervision;

import org.springframework.modulith.ApplicationModule;
