package com.estateguard.emergency.internal.lockdown;

import com.estateguard.emergency.IncidentId;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An estate's lockdown in an incident (封闭小区, EMG-05): started with the emergency policy version
 * it put in force for the estate, lifted once. A drill's lockdown has no version: it changes
 * nothing at the gate and lives only in the drill's log.
 */
@Table("emg_lockdown")
public class Lockdown {

    @Id
    private final Long id;
    private final long incidentId;
    private final long estateId;
    private final boolean drill;
    private final Long policyVersionId;
    private final Instant startedAt;
    private final String startedBy;
    private Instant endedAt;
    private String endedBy;
    @Version
    private Integer version;

    Lockdown(Long id, long incidentId, long estateId, boolean drill, Long policyVersionId, Instant startedAt, String startedBy,
             Instant endedAt, String endedBy, Integer version) {
        this.id = id;
        this.incidentId = incidentId;
        this.estateId = estateId;
        this.drill = drill;
        this.policyVersionId = policyVersionId;
        this.startedAt = startedAt;
        this.startedBy = startedBy;
        this.endedAt = endedAt;
        this.endedBy = endedBy;
        this.version = version;
    }

    static Lockdown real(IncidentId incident, long estateId, long policyVersionId, Instant at, String by) {
        return new Lockdown(null, incident.value(), estateId, false, policyVersionId, at, by, null, null, null);
    }

    static Lockdown drill(IncidentId incident, long estateId, Instant at, String by) {
        return new Lockdown(null, incident.value(), estateId, true, null, at, by, null, null, null);
    }

    /** Lifts the lockdown at this moment; a lifted one refuses. */
    void lift(Instant at, String by) {
        if (endedAt != null) {
            throw new LockdownAlreadyLifted(incidentId);
        }
        endedAt = at;
        endedBy = by;
    }

    public Long id() {
        return id;
    }

    public IncidentId incident() {
        return new IncidentId(incidentId);
    }

    public boolean drill() {
        return drill;
    }

    public Long policyVersionId() {
        return policyVersionId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endedBy() {
        return endedBy;
    }

    public boolean inForce() {
        return endedAt == null;
    }
}
