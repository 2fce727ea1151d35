package com.estateguard.emergency.internal.places;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A place the case visited, closed and cordoned in an incident (封闭场所, EMG-05). It reopens only
 * after terminal disinfection has been assessed as passed (seed 004 四(六)1: 经评估合格后方可重新开放),
 * and once reopened it stays so; closing it again is a new closure.
 */
@Table("emg_closed_place")
class ClosedPlace {

    @Id
    private final Long id;
    private final long incidentId;
    private final long estateId;
    private final Long placeId;
    private final String name;
    private final Instant closedAt;
    private final String closedBy;
    private Instant reopenedAt;
    private String reopenedBy;
    @Version
    private Integer version;

    ClosedPlace(Long id, long incidentId, long estateId, Long placeId, String name, Instant closedAt, String closedBy,
                Instant reopenedAt, String reopenedBy, Integer version) {
        this.id = id;
        this.incidentId = incidentId;
        this.estateId = estateId;
        this.placeId = placeId;
        this.name = name;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.reopenedAt = reopenedAt;
        this.reopenedBy = reopenedBy;
        this.version = version;
    }

    static ClosedPlace close(long incidentId, long estateId, Long placeId, String name, Instant at, String by) {
        return new ClosedPlace(null, incidentId, estateId, placeId, name, at, by, null, null, null);
    }

    /** @param latest the newest assessment of the place's terminal disinfection, null when there is none */
    void reopen(Assessment latest, Instant at, String by) {
        if (reopenedAt != null) {
            throw new PlaceAlreadyReopened(name);
        }
        if (latest == null || !latest.passed()) {
            throw new PlaceNotAssessed(name);
        }
        reopenedAt = at;
        reopenedBy = by;
    }

    /** The newest assessment's verdict, as the aggregate needs it. */
    record Assessment(long id, boolean passed) {
    }

    Long id() {
        return id;
    }

    long incidentId() {
        return incidentId;
    }

    long estateId() {
        return estateId;
    }

    Long placeId() {
        return placeId;
    }

    String name() {
        return name;
    }

    Instant closedAt() {
        return closedAt;
    }
}
