package com.estateguard.emergency.internal.screening;

import com.estateguard.healthdata.NatResult;
import com.estateguard.org.EstateScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rounds and their samples, append-only. */
@Repository
class RoundStore {

    private static final String SELECT = "SELECT id, incident_id, estate_id, number, starts_at, ends_at, created_by FROM emg_screening_round";

    private final JdbcClient jdbc;

    RoundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Round insert(long incidentId, long estateId, Instant from, Instant to, String by) {
        jdbc.sql("SELECT id FROM emg_incident WHERE id = :i FOR UPDATE").param("i", incidentId).query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO emg_screening_round (incident_id, estate_id, number, starts_at, ends_at, created_by)
                        VALUES (:i, :e, (SELECT coalesce(max(number), 0) + 1 FROM emg_screening_round WHERE incident_id = :i),
                                :from, :to, :by)
                        RETURNING id, incident_id, estate_id, number, starts_at, ends_at, created_by""")
                .param("i", incidentId).param("e", estateId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("by", by).query(RoundStore::round).single();
    }

    List<Round> ofIncident(long incidentId) {
        return jdbc.sql(SELECT + " WHERE incident_id = :i ORDER BY number DESC").param("i", incidentId).query(RoundStore::round).list();
    }

    Optional<Round> find(long id, String scope) {
        return jdbc.sql(SELECT + " WHERE id = :id AND " + EstateScope.where("estate_id")).param("id", id).param("scope", scope)
                .query(RoundStore::round).optional();
    }

    List<Sample> samples(long roundId) {
        return jdbc.sql("""
                        SELECT s.id, s.code, s.pooled, s.result, s.sampled_at, s.created_by,
                               array(SELECT m.person_ref FROM emg_screening_sample_member m WHERE m.sample_id = s.id ORDER BY m.person_ref) AS members
                          FROM emg_screening_sample s WHERE s.round_id = :r ORDER BY s.sampled_at, s.id""")
                .param("r", roundId).query(RoundStore::sample).list();
    }

    boolean codeTaken(long roundId, String code) {
        return jdbc.sql("SELECT count(*) FROM emg_screening_sample WHERE round_id = :r AND code = :c").param("r", roundId).param("c", code)
                .query(Long.class).single() > 0;
    }

    long insertSample(Round round, String code, boolean pooled, NatResult result, Instant at, List<String> members, String by) {
        long id = jdbc.sql("""
                        INSERT INTO emg_screening_sample (round_id, estate_id, code, pooled, result, sampled_at, created_by)
                        VALUES (:r, :e, :c, :p, :res, :at, :by) RETURNING id""")
                .param("r", round.id()).param("e", round.estateId()).param("c", code).param("p", pooled).param("res", result.name())
                .param("at", Timestamp.from(at))
                .param("by", by).query(Long.class).single();
        for (String ref : members) {
            jdbc.sql("INSERT INTO emg_screening_sample_member (sample_id, estate_id, person_ref) VALUES (:s, :e, :ref)")
                    .param("s", id).param("e", round.estateId()).param("ref", ref).update();
        }
        return id;
    }

    private static Round round(ResultSet rs, int i) throws SQLException {
        return new Round(rs.getLong("id"), rs.getLong("incident_id"), rs.getLong("estate_id"), rs.getInt("number"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("created_by"));
    }

    private static Sample sample(ResultSet rs, int i) throws SQLException {
        Array members = rs.getArray("members");
        return new Sample(rs.getLong("id"), rs.getString("code"), rs.getBoolean("pooled"), NatResult.valueOf(rs.getString("result")),
                rs.getTimestamp("sampled_at").toInstant(), rs.getString("created_by"), Arrays.asList((String[]) members.getArray()));
    }
}
