package com.estateguard.emergency.internal;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotPermittedException;
import com.estateguard.emergency.EmergencyPermission;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentLogEntry;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.org.EstateScope;
import com.estateguard.emergency.internal.screening.ScreeningRounds;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the pages and the API show: incidents in the caller's scope with their timings, and one incident whole. */
@Service
@Transactional(readOnly = true)
public class IncidentBoard {

    /**
     * An incident in a list: the case name masked (surname only), its state and its timings in minutes from
     * opening (null: not yet), with the count of reports and of late ones, since when the estate is locked
     * down (null: not now), the contacts confirmed and still under management, the people moved to the observation
     * point and when the CDC's assessment was recorded (null: not yet).
     */
    public record Row(long id, long estateId, String estateName, boolean drill, String kind, String caseNameMasked,
                      String status, Instant openedAt, Instant endedAt, int reports, int lateReports, Long toLockdown,
                      Long toFirstReport, Long toContactsList, Instant lockdownSince, int contactsConfirmed,
                      int contactsManaged, int movedToObservation, Instant cdcAssessedAt) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** The progress of an incident's newest screening round: its number, how many are due and how many tested. */
    public record ScreeningState(long roundId, int round, int due, int tested) {
        public int percent() {
            return due == 0 ? 100 : tested * 100 / due;
        }
    }

    /** The case person and the CDC's assessment as the incident page shows them (audited when shown). */
    public record Details(String casePhone, String caseIdMasked, String source, String sourceRef, String locationNow,
                          Instant cdcAssessedAt, String cdcAssessor, String cdcResult, String cdcRecordedBy, String endedBy) {
    }

    public record ReportRow(long id, String recipient, String channel, String reporter, String receivedBy, Instant reportedAt,
                            Instant enteredAt, String enteredBy, Instant deadlineAt, boolean late) {
    }

    public record MoveRow(long id, String pointName, String personName, Instant movedAt, String movedBy, String recordedBy) {
    }

    /** One incident whole, for its page. */
    public record Incident(IncidentSummary summary, Details details, List<IncidentLogEntry> timeline, List<ReportRow> reports,
                           List<MoveRow> moves, List<EmergencyPlans.Point> points, DrillTiming timing) {
    }

    private static final String ROWS = """
            SELECT i.id, i.estate_id, e.name AS estate_name, i.drill, i.kind,
                   left(i.case_name, 1) || repeat('*', greatest(char_length(i.case_name) - 1, 1)) AS case_name_masked,
                   i.status, i.opened_at, i.ended_at,
                   (SELECT count(*) FROM emg_report r WHERE r.incident_id = i.id) AS reports,
                   (SELECT count(*) FROM emg_report r WHERE r.incident_id = i.id AND r.late) AS late_reports,
                   (SELECT floor(extract(epoch FROM min(l.at) - i.opened_at) / 60) FROM emg_incident_log l
                     WHERE l.incident_id = i.id AND l.kind = 'LOCKDOWN_STARTED')::bigint AS to_lockdown,
                   (SELECT floor(extract(epoch FROM min(r.reported_at) - i.opened_at) / 60) FROM emg_report r
                     WHERE r.incident_id = i.id)::bigint AS to_first_report,
                   (SELECT floor(extract(epoch FROM min(l.at) - i.opened_at) / 60) FROM emg_incident_log l
                     WHERE l.incident_id = i.id AND l.kind = 'CONTACTS_LISTED')::bigint AS to_contacts_list,
                   (SELECT min(k.started_at) FROM emg_lockdown k WHERE k.incident_id = i.id AND k.ended_at IS NULL) AS lockdown_since,
                   (SELECT count(*) FROM emg_contact c WHERE c.incident_id = i.id AND c.decision = 'CONFIRMED') AS contacts_confirmed,
                   (SELECT count(*) FROM emg_contact c WHERE c.incident_id = i.id AND c.status = 'UNDER_MANAGEMENT') AS contacts_managed,
                   (SELECT count(*) FROM emg_incident_log l WHERE l.incident_id = i.id AND l.kind = 'MOVED_TO_OBSERVATION')
                     AS moved_to_observation,
                   i.cdc_assessed_at
              FROM emg_incident i JOIN org_estate e ON e.id = i.estate_id
            """;

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final EmergencyPlans plans;
    private final AuditTrail audit;
    private final ScreeningRounds screening;

    IncidentBoard(JdbcClient jdbc, IncidentService incidents, EmergencyPlans plans, AuditTrail audit, ScreeningRounds screening) {
        this.jdbc = jdbc;
        this.screening = screening;
        this.incidents = incidents;
        this.plans = plans;
        this.audit = audit;
    }

    /**
     * Incidents in the caller's scope, real or drills (never mixed: a drill is not a real incident), open
     * ones first, then the most recent; {@code estateId} narrows to one estate.
     */
    public List<Row> list(CurrentUser me, boolean drills, boolean openOnly, Long estateId) {
        return list(me, me.scopePath(), drills, openOnly, estateId);
    }

    /** The same inside {@code scope}: the caller's own, or a region inside it (the list behind the cockpit's incidents). */
    public List<Row> list(CurrentUser me, String scope, boolean drills, boolean openOnly, Long estateId) {
        requireRead(me);
        return jdbc.sql(ROWS + " WHERE " + EstateScope.where("i.estate_id") + " AND i.drill = :drill"
                        + " AND (NOT :openOnly OR i.status = 'OPEN') AND (cast(:estate AS bigint) IS NULL OR i.estate_id = :estate)"
                        + " ORDER BY i.status = 'OPEN' DESC, i.opened_at DESC, i.id DESC LIMIT 200")
                .param("scope", EstateScope.bind(scope)).param("drill", drills).param("openOnly", openOnly)
                .param("estate", estateId).query(Row.class).list();
    }

    /**
     * The real incidents (never drills) open now in {@code scope}, a place the caller has already checked (the cockpit's),
     * newest first, at most {@code limit}: the timings of those few only (the planner evaluates them after the limit).
     */
    public List<Row> openReal(String scope, int limit) {
        return jdbc.sql(ROWS + " WHERE " + EstateScope.where("i.estate_id") + " AND i.status = 'OPEN' AND NOT i.drill"
                        + " ORDER BY i.opened_at DESC, i.id DESC LIMIT :limit")
                .param("scope", EstateScope.bind(scope)).param("limit", limit).query(Row.class).list();
    }

    /** How many real incidents are open now in {@code scope} (checked by the caller). */
    public long countOpenReal(String scope) {
        return jdbc.sql("SELECT count(*) FROM emg_incident i WHERE " + EstateScope.where("i.estate_id")
                        + " AND i.status = 'OPEN' AND NOT i.drill")
                .param("scope", EstateScope.bind(scope)).query(Long.class).single();
    }

    /**
     * The newest screening round's progress of each open incident listed (computed live, as the round's
     * page computes it), by incident id; incidents without a round are left out.
     */
    public Map<Long, ScreeningState> screening(List<Row> rows, CurrentUser me) {
        List<Long> open = rows.stream().filter(Row::open).map(Row::id).toList();
        if (open.isEmpty()) {
            return Map.of();
        }
        Map<Long, ScreeningState> states = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (incident_id) incident_id, id FROM emg_screening_round
                         WHERE incident_id IN (:ids) ORDER BY incident_id, number DESC""")
                .param("ids", open).query((rs, n) -> Map.entry(rs.getLong("incident_id"), rs.getLong("id"))).list()
                .forEach(e -> {
                    var board = screening.board(e.getValue(), me);
                    states.put(e.getKey(), new ScreeningState(e.getValue(), board.round().number(), board.total().due(),
                            board.total().tested()));
                });
        return states;
    }

    /** The incident whole; showing it is written to the audit trail (the case person's data). */
    public Incident incident(long id, CurrentUser me) {
        IncidentSummary summary = incidents.get(new IncidentId(id), me);
        Details details = jdbc.sql("""
                        SELECT case_phone, case_id_masked, source, source_ref, location_now, cdc_assessed_at, cdc_assessor, cdc_result,
                               cdc_recorded_by, ended_by FROM emg_incident WHERE id = :id""")
                .param("id", id).query(Details.class).single();
        List<IncidentLogEntry> timeline = incidents.timeline(summary.id(), me);
        List<ReportRow> reports = jdbc.sql("""
                        SELECT id, recipient, channel, reporter, received_by, reported_at, entered_at, entered_by, deadline_at, late
                          FROM emg_report WHERE incident_id = :id ORDER BY reported_at, id""")
                .param("id", id).query(ReportRow.class).list();
        List<MoveRow> moves = jdbc.sql("""
                        SELECT m.id, p.name AS point_name, m.person_name, m.moved_at, m.moved_by, m.recorded_by
                          FROM emg_observation_move m JOIN emg_observation_point p ON p.id = m.point_id
                         WHERE m.incident_id = :id ORDER BY m.moved_at, m.id""")
                .param("id", id).query(MoveRow.class).list();
        audit.record(AuditEntry.by(me, AuditAction.CASE_VIEW, "incident " + id).inEstate(summary.estate().value()));
        return new Incident(summary, details, timeline, reports, moves, plans.points(summary.estate().value()),
                DrillTiming.of(summary.openedAt(), timeline,
                reports.stream().map(ReportRow::reportedAt).min(Instant::compareTo).orElse(null)));
    }

    private static void requireRead(CurrentUser me) {
        if (!me.can(EmergencyPermission.EMERGENCY_READ)) {
            throw new NotPermittedException();
        }
    }
}
