package com.estateguard.cockpit;

import java.time.Instant;
import java.util.List;

/**
 * The real incidents (never drills) open now in a place, with the timings the emergency plan asks for, for the
 * cockpit's panel (issue 12 §2). The module that owns the incidents implements it; read live on each view, so it
 * reads at most {@code limit} incidents and counts the rest.
 */
public interface OpenIncidents {

    /** The newest {@code limit} open real incidents of the place's estates, newest first, and how many are open in all. */
    Listing openIn(CockpitPlace place, int limit);

    record Listing(long total, List<Incident> newest) {
    }

    /**
     * An open incident as recorded: its estate, kind and opening; since when the estate is locked down (null: not
     * now) and when the CDC's assessment was recorded (null: not yet); the minutes from opening to the lockdown, to
     * the first report to the authorities and to the confirmed contacts list (null: not yet); the reports and the late
     * ones, the people moved to the observation point, the contacts confirmed and those still under management.
     */
    record Incident(long id, long estateId, String estateName, String kind, Instant openedAt, Instant lockdownSince,
                    Instant cdcAssessedAt, Long toLockdown, Long toFirstReport, Long toContactsList, int reports,
                    int lateReports, int movedToObservation, int contactsConfirmed, int contactsManaged) {
    }
}
