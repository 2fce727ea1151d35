package com.estateguard.access.internal;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.KeysetPage;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.ReasonCode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What refusals triggered (a report to the community, a move to the observation point), until staff close them. */
@Service
public class FollowUps {

    /**
     * The check's person name is looked up per listed row by the check's key (id, estate, occurred_at) rather than joined:
     * the planner takes the three columns of that join for independent and expects one row where every follow-up has its
     * check, so a city's "all" page hash-joined every check record and sorted 20,000 follow-ups (about 600 ms on the
     * generated city with 1 million checks, growing with the checks; issue 12 §3). As a subquery it is read after the
     * LIMIT, one index probe a row.
     */
    private static final String SELECT = """
            SELECT f.id, f.check_id, f.estate_id, e.name AS estate_name, f.kind, f.reason_codes, f.status, f.created_at,
                   (SELECT c.person_name FROM access_check c
                     WHERE c.id = f.check_id AND c.estate_id = f.estate_id AND c.occurred_at = f.check_occurred_at) AS person_name,
                   e.observation_point, f.closed_at, f.closed_by, f.closing_note
              FROM access_follow_up f JOIN org_estate e ON e.id = f.estate_id
            """;

    private final JdbcClient jdbc;
    private final FollowUpRepository repository;
    private final OrgDirectory org;
    private final Clock clock;

    FollowUps(JdbcClient jdbc, FollowUpRepository repository, OrgDirectory org, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.org = org;
        this.clock = clock;
    }

    /** A follow-up as listed, with its check and estate. */
    public record FollowUpView(long id, long checkId, long estateId, String estateName, FollowUpKind kind,
                           List<ReasonCode> reasons, String status, Instant createdAt, String personName,
                           String observationPoint, Instant closedAt, String closedBy, String closingNote) {
    }

    /** A follow-up of a check; the check's key (id, estate, occurred_at) is its reference (V152). On the gate's path (a
     * refusal): positional parameters, no named-parameter parsing per call. */
    void open(long checkId, long estateId, Instant checkOccurredAt, FollowUpKind kind, List<ReasonCode> reasons, String actor) {
        jdbc.sql("""
                        INSERT INTO access_follow_up (check_id, estate_id, check_occurred_at, kind, reason_codes, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .param(checkId).param(estateId).param(java.sql.Timestamp.from(checkOccurredAt)).param(kind.name())
                .param(reasons.stream().map(Enum::name).toArray(String[]::new)).param(actor).update();
    }

    /**
     * One page of the follow-ups in {@code scope} (the reader's, or a region or estate inside it), open ones only or
     * all, newest first by keyset on (created at, id) (issue 12 §3): follow-ups opened while the reader pages arrive
     * above the first page, so none repeats or hides another; the count stops at the cap. Read through the indexes of
     * V223 (an estate's open ones, or the newest over a city).
     */
    @Transactional(readOnly = true)
    public KeysetPage<FollowUpView> page(String scope, boolean openOnly, String after, String before, int size) {
        KeysetPage.planForValues(jdbc);
        String where = " WHERE " + EstateScope.where("f.estate_id") + (openOnly ? " AND f.status = 'OPEN'" : "");
        return KeysetPage.read(after, before, 2, size, (cursor, backwards, limit) -> {
            String seek = cursor == null ? "" : " AND (f.created_at, f.id) " + (backwards ? ">" : "<") + " (:at, :id)";
            String order = backwards ? " ORDER BY f.created_at, f.id" : " ORDER BY f.created_at DESC, f.id DESC";
            var sql = jdbc.sql(SELECT + where + seek + order + " LIMIT :limit")
                    .param("scope", EstateScope.bind(scope)).param("limit", limit);
            if (cursor != null) {
                sql = sql.param("at", Timestamp.from(Instant.parse(cursor[0]))).param("id", Long.parseLong(cursor[1]));
            }
            return sql.query(this::map).list();
        }, f -> KeysetPage.cursor(f.createdAt(), f.id()),
                () -> jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM access_follow_up f" + where + " LIMIT "
                                + (KeysetPage.COUNT_CAP + 1) + ") capped")
                        .param("scope", EstateScope.bind(scope)).query(Long.class).single());
    }

    public List<FollowUpView> forCheck(long checkId) {
        return jdbc.sql(SELECT + " WHERE f.check_id = :id ORDER BY f.id")
                .param("id", checkId).query(this::map).list();
    }

    /** Closing needs a note saying what was done; a closed item stays closed. */
    @Transactional
    public void close(FollowUpId id, String note, CurrentUser by) {
        FollowUp followUp = repository.findById(id.value())
                .filter(f -> org.estate(new EstateId(f.estateId()), by.scopePath()).isPresent())
                .orElseThrow(() -> new NotFoundException("follow-up", id.value()));
        followUp.close(note, by.actor(), clock.instant());
        try {
            repository.save(followUp);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("follow-up", id.value());
        }
    }

    private FollowUpView map(ResultSet rs, int row) throws SQLException {
        Array codes = rs.getArray("reason_codes");
        return new FollowUpView(rs.getLong("id"), rs.getLong("check_id"), rs.getLong("estate_id"), rs.getString("estate_name"),
                FollowUpKind.valueOf(rs.getString("kind")),
                Arrays.stream((String[]) codes.getArray()).map(ReasonCode::valueOf).toList(), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("person_name"), rs.getString("observation_point"),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                rs.getString("closed_by"), rs.getString("closing_note"));
    }
}
