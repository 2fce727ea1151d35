package com.estateguard.policy.internal;

import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PolicyRepository {

    private static final String SELECT = """
            SELECT id, name, scope_path, scope_label, effective_from, params::text AS params, based_on_id, preset_code,
                   created_at, created_by, withdrawn_at, withdrawn_by, ended_at, ended_by FROM policy_version""";

    private final JdbcClient jdbc;
    private final PolicyGroups groups;

    PolicyRepository(JdbcClient jdbc, PolicyGroups groups) {
        this.jdbc = jdbc;
        this.groups = groups;
    }

    public List<PolicyVersion> all() {
        return jdbc.sql(SELECT + " ORDER BY effective_from DESC, id DESC").query(this::map).list();
    }

    /**
     * What changes whenever any node writes, withdraws or ends a version: their count, the highest id
     * and the sum of the rows' optimistic-lock versions (a withdrawal or an end raises it). One cheap
     * read over a small table; a node compares it with the one it read its versions under.
     */
    public String changeStamp() {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(version), 0) FROM policy_version")
                .query(String.class).single();
    }

    public Optional<PolicyVersion> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public long insert(String name, String scopePath, String scopeLabel, Instant effectiveFrom, PolicyParameters params,
                Long basedOnId, String presetCode, String actor) {
        return jdbc.sql("""
                        INSERT INTO policy_version (name, scope_path, scope_label, effective_from, params, based_on_id,
                                                    preset_code, created_by)
                        VALUES (:name, :scope, :label, :from, cast(:params AS jsonb), :based, :preset, :by) RETURNING id""")
                .param("name", name).param("scope", scopePath).param("label", scopeLabel)
                .param("from", Timestamp.from(effectiveFrom)).param("params", groups.toJson(params))
                .param("based", basedOnId).param("preset", presetCode).param("by", actor)
                .query(Long.class).single();
    }

    private PolicyVersion map(ResultSet rs, int row) throws SQLException {
        String presetCode = rs.getString("preset_code");
        return new PolicyVersion(rs.getLong("id"), rs.getString("name"), rs.getString("scope_path"),
                rs.getString("scope_label"), rs.getTimestamp("effective_from").toInstant(),
                groups.fromJson(rs.getString("params"), rs.getLong("id")),
                (Long) rs.getObject("based_on_id"), presetCode, rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), instant(rs.getTimestamp("withdrawn_at")), rs.getString("withdrawn_by"),
                instant(rs.getTimestamp("ended_at")), rs.getString("ended_by"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
