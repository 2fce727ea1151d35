package com.estateguard.emergency.internal;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.emergency.EmergencyPermission;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.IncidentStatus;
import com.estateguard.emergency.IncidentLogEntry;
import com.estateguard.emergency.IncidentLogKinds;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.OpenIncident;
import com.estateguard.healthdata.PersonKeys;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, reads and logs incidents; the transitions themselves are guarded by {@link Incident}. */
@Service
@Transactional(readOnly = true)
class IncidentService implements Incidents {

    static final String SUMMARY = """
            SELECT i.id, i.estate_id, e.name AS estate_name, i.drill, i.kind, i.case_name, i.case_person_key, i.status,
                   i.opened_at, i.opened_by, i.onset_at, i.sampled_at, i.ended_at
              FROM emg_incident i JOIN org_estate e ON e.id = i.estate_id
            """;

    private final JdbcClient jdbc;
    private final IncidentRepository repository;
    private final OrgDirectory org;
    private final PersonKeys personKeys;
    private final Clock clock;

    IncidentService(JdbcClient jdbc, IncidentRepository repository, OrgDirectory org, PersonKeys personKeys, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.org = org;
        this.personKeys = personKeys;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IncidentId open(OpenIncident command, CurrentUser by) {
        requireRun(by);
        org.estateInScope(command.estate(), by);
        String idNumber = command.caseIdNumber() == null || command.caseIdNumber().isBlank() ? null : command.caseIdNumber();
        if (idNumber != null && !IdNumber.valid(idNumber)) {
            throw new InvalidInputException("emergency.error.idNumber");
        }
        var person = new Incident.CasePerson(command.caseName(), command.casePhone(),
                idNumber == null ? null : personKeys.keyOf(idNumber), idNumber == null ? null : IdNumber.mask(idNumber),
                command.source(), command.sourceRef());
        long id = jdbc.sql("SELECT nextval('emg_incident_id_seq')").query(Long.class).single();
        Instant now = clock.instant();
        Incident incident = Incident.open(id, command.estate(), command.drill(), command.kind(), person, command.onsetAt(),
                command.sampledAt(), command.locationNow(), by.actor(), now);
        repository.save(incident);
        log(incident.id(), IncidentLogKinds.OPENED, command.kind().name() + (command.drill() ? " (DRILL)" : ""), by.actor());
        return incident.id();
    }

    @Override
    public IncidentSummary get(IncidentId id, CurrentUser by) {
        if (!by.can(EmergencyPermission.EMERGENCY_READ)) {
            throw new NotPermittedException();
        }
        return jdbc.sql(SUMMARY + " WHERE i.id = :id AND " + EstateScope.where("i.estate_id"))
                .param("id", id.value()).param("scope", EstateScope.bind(by.scopePath()))
                .query(IncidentService::summary).optional().orElseThrow(() -> new NotFoundException("incident", id.value()));
    }

    @Override
    public IncidentSummary byId(IncidentId id) {
        return jdbc.sql(SUMMARY + " WHERE i.id = :id").param("id", id.value())
                .query(IncidentService::summary).optional().orElseThrow(() -> new NotFoundException("incident", id.value()));
    }

    @Override
    @Transactional
    public void log(IncidentId id, String kind, String detail, String actor) {
        // The entry carries its incident's estate (its key), read here so that every caller may name the incident alone.
        jdbc.sql("""
                        INSERT INTO emg_incident_log (incident_id, estate_id, at, actor, kind, detail)
                        VALUES (:i, (SELECT estate_id FROM emg_incident WHERE id = :i), :at, :actor, :kind, :detail)""")
                .param("i", id.value()).param("at", Timestamp.from(clock.instant())).param("actor", actor)
                .param("kind", kind).param("detail", detail).update();
    }

    @Override
    public List<IncidentLogEntry> timeline(IncidentId id, CurrentUser by) {
        get(id, by);
        return jdbc.sql("SELECT id, incident_id AS incident, at, actor, kind, detail FROM emg_incident_log WHERE incident_id = :i ORDER BY at, id")
                .param("i", id.value())
                .query((rs, n) -> new IncidentLogEntry(rs.getLong("id"), new IncidentId(rs.getLong("incident")),
                        rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("kind"), rs.getString("detail")))
                .list();
    }

    @Override
    public List<IncidentSummary> openIn(EstateId estate) {
        return jdbc.sql(SUMMARY + " WHERE i.estate_id = :e AND i.status = 'OPEN' ORDER BY i.opened_at DESC, i.id DESC")
                .param("e", estate.value()).query(IncidentService::summary).list();
    }

    /** Loads the incident in the runner's scope, applies the move and saves it (one winner when two act at once). */
    @Transactional
    Incident change(IncidentId id, CurrentUser by, Consumer<Incident> move) {
        requireRun(by);
        get(id, by);
        Incident incident = repository.findById(id.value()).orElseThrow(() -> new NotFoundException("incident", id.value()));
        move.accept(incident);
        try {
            return repository.save(incident);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("incident", id.value());
        }
    }

    static IncidentSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new IncidentSummary(new IncidentId(rs.getLong("id")), new EstateId(rs.getLong("estate_id")),
                rs.getString("estate_name"), rs.getBoolean("drill"), IncidentKind.valueOf(rs.getString("kind")),
                rs.getString("case_name"), rs.getString("case_person_key"), IncidentStatus.valueOf(rs.getString("status")),
                instant(rs, "opened_at"), rs.getString("opened_by"), instant(rs, "onset_at"), instant(rs, "sampled_at"),
                instant(rs, "ended_at"));
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static void requireRun(CurrentUser by) {
        if (!by.can(EmergencyPermission.EMERGENCY_RUN)) {
            throw new NotPermittedException();
        }
    }
}
