package com.estateguard.evidence.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed evidence rows into their chains (封存), in a deterministic order (estate, day, row
 * id), a few seconds after they commit and on demand before a verification or a report submission.
 * The gate's insert is left alone: no row lock is held on the evidence tables, only a PostgreSQL
 * advisory lock that makes one sealer at a time append (two nodes never seal a row twice, and the
 * unique (kind, row_id) would refuse it anyway). A row committed late, with a lower id than rows
 * already sealed, is found by the anti-join and appended at the end of its chain.
 */
@Service
public class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    /** The advisory lock key of the sealer ("EvidSeal"). */
    static final long LOCK = 0x4576696453656c6cL;
    /**
     * Rows sealed per statement. Every batch reads the whole id window above the floor again (the sealed rows in it too),
     * so a run at the gate's peak (2,000 checks/s, 10,000 rows in 5 s) read it five times with batches of 2,000; one
     * batch of 10,000 sorts 10-25 MB of rows (1-2.5 KB each with their evidence), inside the sealing transaction's work_mem.
     */
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String zone;
    private final ZoneId zoneId;
    private final long idWindow;

    Sealer(JdbcClient jdbc, PlatformTransactionManager transactions, ZoneId zone,
           @Value("${estateguard.evidence.id-window:10000}") long idWindow) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.zone = zone.getId();
        this.zoneId = zone;
        this.idWindow = idWindow;
    }

    /**
     * Which pending rows to seal: those of some estates over some days (null: all), or only the recent ones, those
     * whose id lies within the last {@code id-window} ids above the highest sealed row of their kind.
     */
    record Scope(List<Long> estates, LocalDate from, LocalDate to, boolean recentOnly) {
        static final Scope ALL = new Scope(null, null, null, false);
        static final Scope RECENT = new Scope(null, null, null, true);

        /** An estate's day (a daily report's witness). */
        static Scope of(long estateId, LocalDate day) {
            return new Scope(List.of(estateId), day, day, false);
        }

        /** These estates over these days (a verification's scope); null estates or days mean all of them. */
        static Scope of(List<Long> estates, LocalDate from, LocalDate to) {
            return new Scope(estates == null ? null : List.copyOf(estates), from, to, false);
        }

        boolean isEmpty() {
            return estates != null && estates.isEmpty();
        }
    }

    /**
     * Every few seconds on one node at a time (ShedLock; the advisory lock below still keeps an
     * on-demand seal and this one apart).
     */
    @Scheduled(fixedDelayString = "${estateguard.evidence.seal-every:PT1S}", initialDelayString = "${estateguard.evidence.seal-every:PT1S}")
    @SchedulerLock(name = "evidence.sealRecent", lockAtMostFor = "PT5M")
    public void sealRecentOnSchedule() {
        sealRecent();
    }

    /** The rows committed since, unless another node is sealing right now. */
    public void sealRecent() {
        try {
            Integer sealed = transactions.execute(tx -> tryLock() ? sealLocked(Scope.RECENT) : 0);
            if (sealed != null && sealed > 0) {
                log.debug("Sealed {} evidence rows", sealed);
            }
        } catch (RuntimeException e) {
            log.warn("Evidence not sealed this round: {}", e.toString());
        }
    }

    /** Seals the pending rows in scope, waiting for a sealer on another node to finish first. Joins the caller's transaction. */
    @Transactional(propagation = Propagation.REQUIRED)
    public int seal(Scope scope) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", LOCK).query((rs, i) -> 1).list();
        return sealLocked(scope);
    }

    private boolean tryLock() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single();
    }

    private int sealLocked(Scope scope) {
        if (scope.isEmpty()) {
            return 0;
        }
        // While sealing (the caller's settings put back after, as Canonical does): a batch's rows are sorted whole
        // (each hashed after the LIMIT), 10,000 records with their evidence 10-25 MB, past the default work_mem of
        // 4 MB, where the sort went to disk; and no parallel workers, which the planner started for every run once the
        // month's partition passed a few megabytes: two new processes each time for a job of a few thousand rows.
        String[] before = jdbc.sql("SELECT current_setting('work_mem'), current_setting('max_parallel_workers_per_gather')")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        setForSealing("64MB", "0");
        int sealed = Canonical.inUtc(jdbc, () -> {
            int n = 0;
            for (EvidenceKind kind : EvidenceKind.values()) {
                long floor = scope.recentOnly() ? floor(kind) : 0;
                List<Pending> rows;
                do {
                    rows = pending(kind, scope, floor);
                    append(kind, rows);
                    n += rows.size();
                } while (rows.size() == BATCH);
            }
            return n;
        });
        setForSealing(before[0], before[1]);   // (set for the transaction only: its end restores them in any case)
        return sealed;
    }

    private void setForSealing(String workMem, String parallelWorkers) {
        jdbc.sql("SELECT set_config('work_mem', :w, true), set_config('max_parallel_workers_per_gather', :p, true)")
                .param("w", workMem).param("p", parallelWorkers).query((rs, i) -> 1).list();
    }

    private record Pending(long rowId, long estateId, LocalDate day, byte[] content) {
    }

    /** The lowest id a recent run looks at, fixed for the run so that its own seals do not move it. */
    private long floor(EvidenceKind kind) {
        return jdbc.sql("SELECT coalesce(max(row_id), 0) FROM evidence_seal WHERE kind = :kind").param("kind", kind.name())
                .query(Long.class).single() - idWindow;
    }

    private List<Pending> pending(EvidenceKind kind, Scope scope, long floor) {
        // The batch is chosen first and only its rows are hashed (the content is computed above the LIMIT, on the
        // whole row carried up). "estate_id + 0": no index gives that order, so the recent rows are read by their id
        // range and sorted; ordered by estate_id itself, the planner walked a whole (estate, time) index for the few
        // rows above the floor, each run costing more as the table grew (3.3 s at 10 million records).
        // The seals are read from the floor up too ("s.row_id > :floor", implied by the join but not seen by the
        // planner): its merge anti-join otherwise read the kind's every seal on every batch, 30-50 ms at 370,000.
        String sql = "SELECT p.id, p.estate_id, p.day, " + EvidenceKind.contentHash("p.t") + " AS content FROM ("
                + "SELECT t, t.id, t.estate_id, " + kind.day() + " AS day"
                + " FROM " + kind.table() + " t"
                + " WHERE NOT EXISTS (SELECT 1 FROM evidence_seal s WHERE s.kind = :kind AND s.row_id = t.id"
                + (scope.recentOnly() ? " AND s.row_id > :floor)" : ")")
                + (scope.estates() == null ? "" : " AND t.estate_id IN (:estates)")
                + kind.days(scope.from() != null, scope.to() != null)
                + (scope.recentOnly() ? " AND t.id > :floor" : "")
                + " ORDER BY t.estate_id + 0, day, t.id LIMIT " + BATCH + ") p ORDER BY p.estate_id, p.day, p.id";
        var statement = EvidenceKind.bindDays(jdbc.sql(sql).param("kind", kind.name()).param("zone", zone),
                scope.from(), scope.to(), zoneId);
        if (scope.estates() != null) {
            statement = statement.param("estates", scope.estates());
        }
        if (scope.recentOnly()) {
            statement = statement.param("floor", floor);
        }
        return statement.query((rs, i) -> new Pending(rs.getLong("id"), rs.getLong("estate_id"),
                rs.getObject("day", LocalDate.class), rs.getBytes("content"))).list();
    }

    private record Head(int seq, byte[] link) {
    }

    private void append(EvidenceKind kind, List<Pending> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Head> heads = new HashMap<>();
        int n = rows.size();
        String[] estate = new String[n], day = new String[n], seq = new String[n], rowId = new String[n],
                content = new String[n], link = new String[n];
        for (int i = 0; i < n; i++) {
            Pending row = rows.get(i);
            Head head = heads.computeIfAbsent(row.estateId() + "/" + row.day(), k -> head(kind, row.estateId(), row.day()));
            Head next = new Head(head.seq() + 1, Chain.link(head.link(), row.content()));
            heads.put(row.estateId() + "/" + row.day(), next);
            estate[i] = Long.toString(row.estateId());
            day[i] = row.day().toString();
            seq[i] = Integer.toString(next.seq());
            rowId[i] = Long.toString(row.rowId());
            content[i] = HEX.formatHex(row.content());
            link[i] = HEX.formatHex(next.link());
        }
        // One statement for the batch (the columns as arrays, unnested side by side), not one per seal.
        jdbc.sql("""
                        INSERT INTO evidence_seal (kind, estate_id, day, seq, row_id, content_hash, link_hash)
                        SELECT ?, e, d, s, r, decode(c, 'hex'), decode(l, 'hex')
                          FROM unnest(cast(? AS bigint[]), cast(? AS date[]), cast(? AS int[]), cast(? AS bigint[]),
                                      cast(? AS text[]), cast(? AS text[])) AS v(e, d, s, r, c, l)""")
                .param(kind.name()).param(estate).param(day).param(seq).param(rowId).param(content).param(link).update();
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    private Head head(EvidenceKind kind, long estateId, LocalDate day) {
        return jdbc.sql("""
                        SELECT seq, link_hash FROM evidence_seal
                         WHERE kind = :kind AND estate_id = :estate AND day = :day ORDER BY seq DESC LIMIT 1""")
                .param("kind", kind.name()).param("estate", estateId).param("day", day)
                .query((rs, i) -> new Head(rs.getInt("seq"), rs.getBytes("link_hash"))).optional()
                .orElse(new Head(0, Chain.GENESIS));
    }
}
