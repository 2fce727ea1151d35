package com.estateguard.emergency;

import com.estateguard.org.EstateId;
import java.time.Instant;

/**
 * An incident as other modules and lists see it. {@code casePersonKey} is the keyed hash of the case's
 * ID number ({@code healthdata.PersonKeys}), null when the number was not given; it finds the case in
 * check records and registers without the number itself.
 */
public record IncidentSummary(IncidentId id, EstateId estate, String estateName, boolean drill, IncidentKind kind,
                              String caseName, String casePersonKey, IncidentStatus status, Instant openedAt,
                              String openedBy, Instant onsetAt, Instant sampledAt, Instant endedAt) {

    public boolean open() {
        return status == IncidentStatus.OPEN;
    }

    /** Onset when known, else sampling: the moment exposure windows count back from. */
    public Instant indexMoment() {
        return onsetAt != null ? onsetAt : sampledAt != null ? sampledAt : openedAt;
    }
}
