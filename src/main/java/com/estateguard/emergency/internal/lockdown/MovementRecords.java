package com.estateguard.emergency.internal.lockdown;

import com.estateguard.emergency.IncidentSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The incident's restricted people, leave approvals and recoveries, in SQL (the gate reads them on every identified check). */
@Repository
public class MovementRecords {

    public record RestrictionRow(long id, long incidentId, long estateId, String personKey, String name, String idMasked,
                          String phone, RestrictionTier tier, Instant validFrom, Instant validUntil, Instant liftedAt,
                          String createdBy) {

        public boolean activeAt(Instant at) {
            return !validFrom.isAfter(at) && (validUntil == null || at.isBefore(validUntil))
                    && (liftedAt == null || at.isBefore(liftedAt));
        }
    }

    public record ApprovalRow(long id, long restrictionId, String name, String idMasked, String personKey, String reason,
                       Instant leaveFrom, Instant returnBy, Instant grantedAt, String grantedBy) {
    }

    public record RecoveryRow(long id, long incidentId, String personKey, String name, String idMasked, String regionPath,
                       LocalDate dischargedOn, Instant recordedAt, String recordedBy) {
    }

    private static final String RESTRICTION = """
            SELECT id, incident_id, estate_id, person_key, person_name, id_masked, phone, tier, valid_from, valid_until,
                   lifted_at, created_by FROM emg_restriction""";
    private static final String RECOVERY = """
            SELECT id, incident_id, person_key, person_name, id_masked, estate_region_path, discharged_on, recorded_at,
                   recorded_by FROM emg_recovery""";

    private final JdbcClient jdbc;
    private final long recoveryTtlNanos;
    /** The estates with a recovered case (not a drill), and when that was read (System.nanoTime). */
    private volatile java.util.Set<Long> recoveredEstates = java.util.Set.of();
    private volatile long recoveredReadAt;
    private volatile boolean recoveredKnown;

    MovementRecords(JdbcClient jdbc,
                    @org.springframework.beans.factory.annotation.Value("${estateguard.emergency.recovery-cache-ttl:PT5S}")
                    java.time.Duration recoveryTtl) {
        this.jdbc = jdbc;
        this.recoveryTtlNanos = recoveryTtl.toNanos();
    }

    long restrict(IncidentSummary incident, RestrictedPerson person, RestrictionTier tier, Instant from, Instant until,
                  String by) {
        return jdbc.sql("""
                        INSERT INTO emg_restriction (incident_id, estate_id, drill, person_key, person_name, id_masked, phone,
                                                     tier, valid_from, valid_until, created_by)
                        VALUES (:incident, :estate, :drill, :key, :name, :masked, :phone, :tier, :from, :until, :by) RETURNING id""")
                .param("incident", incident.id().value()).param("estate", incident.estate().value())
                .param("drill", incident.drill()).param("key", person.personKey()).param("name", person.name())
                .param("masked", person.idMasked()).param("phone", person.phone()).param("tier", tier.name())
                .param("from", Timestamp.from(from)).param("until", until == null ? null : Timestamp.from(until))
                .param("by", by).query(Long.class).single();
    }

    List<RestrictionRow> restrictions(long incidentId) {
        return jdbc.sql(RESTRICTION + " WHERE incident_id = :incident ORDER BY created_at DESC, id DESC")
                .param("incident", incidentId).query(MovementRecords::restriction).list();
    }

    Optional<RestrictionRow> restriction(long incidentId, long id) {
        return jdbc.sql(RESTRICTION + " WHERE incident_id = :incident AND id = :id")
                .param("incident", incidentId).param("id", id).query(MovementRecords::restriction).optional();
    }

    /** The incident is over: nobody stays restricted by it from this moment on. */
    int liftAll(long incidentId, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE emg_restriction SET lifted_at = :at, lifted_by = :by, version = version + 1
                         WHERE incident_id = :incident AND lifted_at IS NULL""")
                .param("incident", incidentId).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** The person's restrictions by this incident end from this moment on (a contact released from management). */
    int liftPerson(long incidentId, String personKey, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE emg_restriction SET lifted_at = :at, lifted_by = :by, version = version + 1
                         WHERE incident_id = :incident AND person_key = :key AND lifted_at IS NULL""")
                .param("incident", incidentId).param("key", personKey).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /**
     * The person's open restrictions of this tier by this incident now end at {@code until} (their period
     * re-computed under another protocol version); never before the restriction began.
     */
    int retime(long incidentId, String personKey, RestrictionTier tier, Instant until) {
        return jdbc.sql("""
                        UPDATE emg_restriction SET valid_until = greatest(:until, valid_from + interval '1 second'), version = version + 1
                         WHERE incident_id = :incident AND person_key = :key AND tier = :tier AND lifted_at IS NULL
                           AND valid_until IS DISTINCT FROM greatest(:until, valid_from + interval '1 second')""")
                .param("incident", incidentId).param("key", personKey).param("tier", tier.name()).param("until", Timestamp.from(until))
                .update();
    }

    void approveLeave(RestrictionRow restriction, String reason, Instant leaveFrom, Instant returnBy, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO emg_leave_approval (restriction_id, incident_id, estate_id, reason, leave_from, return_by, granted_at,
                                                        granted_by)
                        VALUES (:restriction, :incident, :estate, :reason, :from, :returnBy, :at, :by)""")
                .param("restriction", restriction.id()).param("incident", restriction.incidentId())
                .param("estate", restriction.estateId()).param("reason", reason)
                .param("from", Timestamp.from(leaveFrom)).param("returnBy", Timestamp.from(returnBy))
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    List<ApprovalRow> approvals(long incidentId) {
        return jdbc.sql("""
                        SELECT a.id, a.restriction_id, r.person_name, r.id_masked, r.person_key, a.reason, a.leave_from, a.return_by,
                               a.granted_at, a.granted_by
                          FROM emg_leave_approval a JOIN emg_restriction r ON r.id = a.restriction_id
                         WHERE a.incident_id = :incident ORDER BY a.leave_from DESC, a.id DESC""")
                .param("incident", incidentId)
                .query((rs, i) -> new ApprovalRow(rs.getLong("id"), rs.getLong("restriction_id"), rs.getString("person_name"),
                        rs.getString("id_masked"), rs.getString("person_key"), rs.getString("reason"),
                        instant(rs, "leave_from"), instant(rs, "return_by"), instant(rs, "granted_at"), rs.getString("granted_by")))
                .list();
    }

    void recordRecovery(IncidentSummary incident, String regionPath, RestrictedPerson person, LocalDate dischargedOn,
                        Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO emg_recovery (incident_id, estate_id, estate_region_path, drill, person_key, person_name,
                                                  id_masked, discharged_on, recorded_at, recorded_by)
                        VALUES (:incident, :estate, :path, :drill, :key, :name, :masked, :discharged, :at, :by)""")
                .param("incident", incident.id().value()).param("estate", incident.estate().value()).param("path", regionPath)
                .param("drill", incident.drill()).param("key", person.personKey()).param("name", person.name())
                .param("masked", person.idMasked()).param("discharged", dischargedOn).param("at", Timestamp.from(at))
                .param("by", by).update();
        if (!incident.drill()) {   // this node asks about the estate at once; other nodes within the cache's TTL
            synchronized (this) {
                java.util.Set<Long> with = new java.util.HashSet<>(recoveredEstates);
                with.add(incident.estate().value());
                recoveredEstates = java.util.Set.copyOf(with);
            }
        }
    }

    List<RecoveryRow> recoveries(long incidentId) {
        return jdbc.sql(RECOVERY + " WHERE incident_id = :incident ORDER BY recorded_at DESC, id DESC")
                .param("incident", incidentId).query(MovementRecords::recovery).list();
    }

    // ---------------------------------------------------------------- the gate's questions (real incidents only)

    /** Restrictions of this person in force at the moment with no leave approval covering it. */
    List<Long> unapprovedAt(long estateId, String personKey, Instant at) {
        return jdbc.sql("""
                        SELECT r.incident_id FROM emg_restriction r
                         WHERE r.estate_id = :estate AND r.person_key = :key AND NOT r.drill
                           AND r.valid_from <= :at AND (r.valid_until IS NULL OR :at < r.valid_until)
                           AND (r.lifted_at IS NULL OR :at < r.lifted_at)
                           AND NOT EXISTS (SELECT 1 FROM emg_leave_approval a
                                            WHERE a.restriction_id = r.id AND a.leave_from <= :at AND :at < a.return_by)""")
                .param("estate", estateId).param("key", personKey).param("at", Timestamp.from(at))
                .query(Long.class).list();
    }

    /**
     * A recovered case's records at an estate. Asked for every identified person entering (the gate's hot path), so
     * the estates that have any recovered case are kept for {@code estateguard.emergency.recovery-cache-ttl} (5 s) and
     * an estate without one is answered without a statement: most estates never have one. A recovery recorded on this
     * node counts at once, on another node within the TTL (as a policy change or a closed entrance does). A TTL of 0
     * asks the database every time.
     */
    List<RecoveryRow> recoveriesOf(long estateId, String personKey) {
        if (recoveryTtlNanos > 0 && !recoveredEstates(System.nanoTime()).contains(estateId)) {
            return List.of();
        }
        // Positional parameters (the gate's hot path).
        return jdbc.sql(RECOVERY + " WHERE estate_id = ? AND person_key = ? AND NOT drill")
                .param(estateId).param(personKey).query(MovementRecords::recovery).list();
    }

    /** As a node that has not read them yet (another node, or this one after a restart): the next question reads them. */
    synchronized void forgetRecoveredEstates() {
        recoveredEstates = java.util.Set.of();
        recoveredKnown = false;
    }

    private java.util.Set<Long> recoveredEstates(long now) {
        if (!recoveredKnown || now - recoveredReadAt > recoveryTtlNanos) {
            synchronized (this) {
                if (!recoveredKnown || now - recoveredReadAt > recoveryTtlNanos) {
                    // A union: recoveries are never removed, and one recorded here meanwhile must not drop out.
                    java.util.Set<Long> read = new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT estate_id FROM emg_recovery WHERE NOT drill")
                            .query(Long.class).list());
                    read.addAll(recoveredEstates);
                    recoveredEstates = java.util.Set.copyOf(read);
                    recoveredReadAt = now;
                    recoveredKnown = true;
                }
            }
        }
        return recoveredEstates;
    }

    private static RestrictionRow restriction(ResultSet rs, int row) throws SQLException {
        return new RestrictionRow(rs.getLong("id"), rs.getLong("incident_id"), rs.getLong("estate_id"), rs.getString("person_key"),
                rs.getString("person_name"), rs.getString("id_masked"), rs.getString("phone"),
                RestrictionTier.valueOf(rs.getString("tier")), instant(rs, "valid_from"), instant(rs, "valid_until"),
                instant(rs, "lifted_at"), rs.getString("created_by"));
    }

    private static RecoveryRow recovery(ResultSet rs, int row) throws SQLException {
        return new RecoveryRow(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("person_key"), rs.getString("person_name"),
                rs.getString("id_masked"), rs.getString("estate_region_path"), rs.getObject("discharged_on", LocalDate.class),
                instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
