package com.estateguard.emergency;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateId;
import java.util.List;

/**
 * The emergency module's facade: incidents are opened here, read in the caller's scope and every step
 * other modules take in one (lockdown, contacts confirmed, screening rounds) is appended to its
 * timeline through {@link #log}.
 */
public interface Incidents {

    /** Opens an incident for the estate's emergency group; publishes {@link IncidentOpened}. */
    IncidentId open(OpenIncident command, CurrentUser by);

    /** The incident if it lies in the caller's scope; "not found" otherwise. */
    IncidentSummary get(IncidentId id, CurrentUser by);

    /** The incident without a caller, for listeners and ports (no scope check). */
    IncidentSummary byId(IncidentId id);

    /** Appends an entry to the incident's timeline (append-only), at the clock's now. */
    void log(IncidentId id, String kind, String detail, String actor);

    /** The timeline, oldest first, if the incident lies in the caller's scope. */
    List<IncidentLogEntry> timeline(IncidentId id, CurrentUser by);

    /** The estate's open incidents, real and drills, newest first. */
    List<IncidentSummary> openIn(EstateId estate);
}
