package com.estateguard.emergency.internal;

import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentEnded;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.IncidentOpened;
import com.estateguard.emergency.IncidentStatus;
import com.estateguard.org.EstateId;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An emergency incident (疫情应急事件): opened for one case person in one estate, real or a drill,
 * and ended only after the CDC's assessment is recorded (seed 004 附件2 四: 经属地疾控中心评估防控效果后,
 * 宣布疫情应急处置结束). Opening and ending are announced when it is saved.
 */
@Table("emg_incident")
class Incident extends AbstractAggregateRoot<Incident> {

    @Id
    private final Long id;
    private final long estateId;
    private final boolean drill;
    private final IncidentKind kind;
    private final String caseName;
    private final String casePhone;
    private final String casePersonKey;
    private final String caseIdMasked;
    private final CaseSource source;
    private final String sourceRef;
    private final Instant onsetAt;
    private final Instant sampledAt;
    private final String locationNow;
    private IncidentStatus status;
    private final Instant openedAt;
    private final String openedBy;
    private Instant cdcAssessedAt;
    private String cdcAssessor;
    private String cdcResult;
    private String cdcRecordedBy;
    private Instant endedAt;
    private String endedBy;
    @Version
    private Integer version;

    Incident(Long id, long estateId, boolean drill, IncidentKind kind, String caseName, String casePhone,
             String casePersonKey, String caseIdMasked, CaseSource source, String sourceRef, Instant onsetAt,
             Instant sampledAt, String locationNow, IncidentStatus status, Instant openedAt, String openedBy,
             Instant cdcAssessedAt, String cdcAssessor, String cdcResult, String cdcRecordedBy, Instant endedAt,
             String endedBy, Integer version) {
        this.id = id;
        this.estateId = estateId;
        this.drill = drill;
        this.kind = kind;
        this.caseName = caseName;
        this.casePhone = casePhone;
        this.casePersonKey = casePersonKey;
        this.caseIdMasked = caseIdMasked;
        this.source = source;
        this.sourceRef = sourceRef;
        this.onsetAt = onsetAt;
        this.sampledAt = sampledAt;
        this.locationNow = locationNow;
        this.status = status;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.cdcAssessedAt = cdcAssessedAt;
        this.cdcAssessor = cdcAssessor;
        this.cdcResult = cdcResult;
        this.cdcRecordedBy = cdcRecordedBy;
        this.endedAt = endedAt;
        this.endedBy = endedBy;
        this.version = version;
    }

    /** The case person as entered: the ID number only as its keyed hash and mask. */
    record CasePerson(String name, String phone, String personKey, String idMasked, CaseSource source, String sourceRef) {
    }

    /**
     * A new open incident with the id reserved for it, announced as {@link IncidentOpened} when saved.
     * Onset and sampling times cannot lie after the moment of opening.
     */
    static Incident open(long id, EstateId estate, boolean drill, IncidentKind kind, CasePerson person, Instant onsetAt,
                         Instant sampledAt, String locationNow, String by, Instant at) {
        if (person.name() == null || person.name().isBlank() || person.name().strip().length() > 50) {
            throw new com.estateguard.common.InvalidInputException("emergency.error.caseName");
        }
        if (onsetAt != null && onsetAt.isAfter(at) || sampledAt != null && sampledAt.isAfter(at)) {
            throw new TimeInTheFuture();
        }
        Incident incident = new Incident(id, estate.value(), drill, kind, person.name().strip(), blankToNull(person.phone()),
                person.personKey(), person.idMasked(), person.source(), blankToNull(person.sourceRef()), onsetAt, sampledAt,
                blankToNull(locationNow), IncidentStatus.OPEN, at, by, null, null, null, null, null, null, null);
        incident.registerEvent(new IncidentOpened(incident.id(), estate, drill, at));
        return incident;
    }

    /** Records the CDC's assessment (who assessed, the result): the condition for ending. */
    void recordCdcAssessment(String assessor, String result, String recordedBy, Instant at) {
        requireOpen();
        if (assessor == null || assessor.isBlank() || result == null || result.isBlank()) {
            throw new com.estateguard.common.InvalidInputException("emergency.error.cdcAssessmentIncomplete");
        }
        cdcAssessedAt = at;
        cdcAssessor = assessor.strip();
        cdcResult = result.strip();
        cdcRecordedBy = recordedBy;
    }

    /** Ends the incident; refused while the CDC's assessment is missing. Announced as {@link IncidentEnded}. */
    void end(String by, Instant at) {
        requireOpen();
        if (cdcAssessedAt == null) {
            throw new EndWithoutCdcAssessment(id());
        }
        status = IncidentStatus.ENDED;
        endedAt = at;
        endedBy = by;
        registerEvent(new IncidentEnded(id(), new EstateId(estateId), drill, at));
    }

    void requireOpen() {
        if (status != IncidentStatus.OPEN) {
            throw new IncidentAlreadyEnded(id());
        }
    }

    /** The events to be published when it is saved. */
    java.util.Collection<Object> pendingEvents() {
        return java.util.List.copyOf(domainEvents());
    }

    IncidentId id() {
        return new IncidentId(id);
    }

    long estateId() {
        return estateId;
    }

    boolean drill() {
        return drill;
    }

    IncidentStatus status() {
        return status;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant cdcAssessedAt() {
        return cdcAssessedAt;
    }

    String cdcAssessor() {
        return cdcAssessor;
    }

    String cdcResult() {
        return cdcResult;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
