package com.estateguard.emergency.internal;

import com.estateguard.cockpit.CockpitPlace;
import com.estateguard.cockpit.OpenIncidents;
import org.springframework.stereotype.Component;

/** The cockpit's panel of open incidents: the real ones open now in the place, as the incident lists time them. */
@Component
class CockpitOpenIncidents implements OpenIncidents {

    private final IncidentBoard board;

    CockpitOpenIncidents(IncidentBoard board) {
        this.board = board;
    }

    @Override
    public Listing openIn(CockpitPlace place, int limit) {
        var newest = board.openReal(place.path(), limit).stream()
                .map(r -> new Incident(r.id(), r.estateId(), r.estateName(), r.kind(), r.openedAt(), r.lockdownSince(),
                        r.cdcAssessedAt(), r.toLockdown(), r.toFirstReport(), r.toContactsList(), r.reports(), r.lateReports(),
                        r.movedToObservation(), r.contactsConfirmed(), r.contactsManaged()))
                .toList();
        long total = newest.size() < limit ? newest.size() : board.countOpenReal(place.path());
        return new Listing(total, newest);
    }
}
