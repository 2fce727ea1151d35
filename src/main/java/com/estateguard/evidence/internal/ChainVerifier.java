package com.estateguard.evidence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the evidence chains (校验证据链): seals what is pending first, then walks every chain in
 * scope. Used by the admin page, its JSON twin and the {@code verify-chain} command.
 */
@Service
public class ChainVerifier {

    private final JdbcClient jdbc;
    private final Sealer sealer;
    private final PurgeLog purges;
    private final Clock clock;
    private final String zone;
    private final ZoneId zoneId;

    ChainVerifier(JdbcClient jdbc, Sealer sealer, PurgeLog purges, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.purges = purges;
        this.clock = clock;
        this.zone = zone.getId();
        this.zoneId = zone;
    }

    /**
     * The chains to verify: these estates (null: every estate) and days from..to (null: unbounded).
     * An empty list of estates verifies nothing.
     */
    public record Scope(List<Long> estates, LocalDate from, LocalDate to) {
        public static final Scope EVERYTHING = new Scope(null, null, null);
    }

    @Transactional
    public ChainReport verify(Scope scope) {
        // Only what the verification reads is sealed first (an estate's week, not every table of the platform: at a city's
        // size a whole-table anti-join on every view); the rest is the scheduled sealer's.
        sealer.seal(Sealer.Scope.of(scope.estates(), scope.from(), scope.to()));
        ChainWalk walk = new ChainWalk(purges.concerning(scope.estates()), scope.estates());
        long pending = Canonical.inUtc(jdbc, () -> {
            long notSealed = 0;
            for (EvidenceKind kind : EvidenceKind.values()) {
                walk.start(kind);
                if (scope.estates() == null || !scope.estates().isEmpty()) {
                    seals(kind, scope, walk);
                    notSealed += pending(kind, scope);
                }
            }
            return notSealed;
        });
        ChainReport.Break[] breaks = walk.breaks();
        return new ChainReport(clock.instant(), scope.from(), scope.to(), walk.breakCount() == 0, walk.sealed(), walk.purgedBy(),
                pending, Arrays.asList(breaks), walk.breakCount());
    }

    private void seals(EvidenceKind kind, Scope scope, ChainWalk walk) {
        String sql = "SELECT s.estate_id, s.day, s.seq, s.row_id, s.content_hash, s.link_hash,"
                + " CASE WHEN t.id IS NULL THEN NULL ELSE " + EvidenceKind.CONTENT_HASH + " END AS current_hash"
                + " FROM evidence_seal s LEFT JOIN " + kind.table() + " t ON t.id = s.row_id"
                + " WHERE s.kind = :kind" + filters(scope, "s.estate_id", "s.day")
                + " ORDER BY s.estate_id, s.day, s.seq";
        params(jdbc.sql(sql).param("kind", kind.name()), scope).query(rs -> {
            walk.accept(new ChainWalk.Seal(rs.getLong("estate_id"), rs.getObject("day", LocalDate.class), rs.getInt("seq"),
                    rs.getLong("row_id"), rs.getBytes("content_hash"), rs.getBytes("link_hash"), rs.getBytes("current_hash")));
        });
    }

    private long pending(EvidenceKind kind, Scope scope) {
        String sql = "SELECT count(*) FROM " + kind.table() + " t"
                + " WHERE NOT EXISTS (SELECT 1 FROM evidence_seal s WHERE s.kind = :kind AND s.row_id = t.id)"
                + (scope.estates() == null ? "" : " AND t.estate_id IN (:estates)")
                + kind.days(scope.from() != null, scope.to() != null);
        var statement = EvidenceKind.bindDays(jdbc.sql(sql).param("kind", kind.name()).param("zone", zone),
                scope.from(), scope.to(), zoneId);
        return (scope.estates() == null ? statement : statement.param("estates", scope.estates())).query(Long.class).single();
    }

    private static String filters(Scope scope, String estate, String day) {
        return (scope.estates() == null ? "" : " AND " + estate + " IN (:estates)")
                + (scope.from() == null ? "" : " AND " + day + " >= :from")
                + (scope.to() == null ? "" : " AND " + day + " <= :to");
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, Scope scope) {
        if (scope.estates() != null) {
            statement = statement.param("estates", scope.estates());
        }
        if (scope.from() != null) {
            statement = statement.param("from", scope.from());
        }
        if (scope.to() != null) {
            statement = statement.param("to", scope.to());
        }
        return statement;
    }
}
