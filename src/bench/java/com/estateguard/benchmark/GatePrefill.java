package com.estateguard.benchmark;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * GateBenchmark's {@code -Dbench.prefill-checks=N}: N check records written before the measured steps, at the
 * database's bulk rate (one {@code INSERT … SELECT … generate_series} per chunk of 500,000, the shape of
 * CityGenerator's checks), so that the gate is measured against a full table (issue 12 section 4: "throughput at
 * 10 million stored checks within 20 % of the rate on an empty table").
 *
 * <p>The rows are the benchmark's own world: the demo estates and every one of their entrances (40 % at the demo
 * terminal's entrance, with its device key), spread over the 30 days before the benchmark's clock, 07:00-22:00
 * local time with morning and evening peaks. 85 % are identified residents whose columns (name, key, masked ID,
 * evidence and reasons JSON, verdict, codes, policy version) are copied from the calibration's stored checks,
 * about 12 % refused with their reasons; 15 % are unidentified visitors, couriers and workers (no person). Each
 * record's client id goes into access_check_client in the same statement, as CheckRepository.insert does (V152).
 *
 * <p>While it writes, the evidence sealer and the cockpit's roll-up job are held back (their advisory locks held
 * by this session). Afterwards: {@code VACUUM ANALYZE}; the newest prefilled record is sealed into its chain the
 * way Sealer.append does, which makes the sealer's recent scope (ids above the highest sealed one less
 * {@code estateguard.evidence.id-window}) start there, as on a system that sealed its history as it came (the
 * older prefilled records stay unsealed: a chain verification of those days reports them pending); then the
 * sealer's recent pass and the roll-ups' catch-up run once, timed, before any measured step.
 */
final class GatePrefill {

    private static final int CHUNK = 500_000;
    /** Local hours of the day, repeated by weight: 07-22 h with the morning and evening peaks. */
    private static final int[] HOURS = {7, 7, 7, 8, 8, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 12, 13, 13, 14, 14, 15, 15,
            16, 16, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 20, 20, 21};

    private final ConfigurableApplicationContext ctx;
    private final DataSource ds;
    private final GateBenchmark.Device device;
    private final List<GateBenchmark.Person> people;

    GatePrefill(ConfigurableApplicationContext ctx, DataSource ds, GateBenchmark.Device device,
                List<GateBenchmark.Person> people) {
        this.ctx = ctx;
        this.ds = ds;
        this.device = device;
        this.people = people;
    }

    /** Writes n records; returns lines for the report. */
    String run(long n) throws Exception {
        long t0 = System.nanoTime();
        ZoneId zone = ctx.getBean(ZoneId.class);
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class).withZone(zone));
        long first = today.minusDays(30).atStartOfDay(zone).toEpochSecond();
        long sealerLock = lockKey("com.estateguard.evidence.internal.Sealer");
        long rollupLock = lockKey("com.estateguard.cockpit.internal.CheckRollupJob");
        long maxId;
        String line;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("SELECT pg_advisory_lock(" + sealerLock + "), pg_advisory_lock(" + rollupLock + ")");
            try {
                st.execute("SELECT access_check_month_partition(cast(m AS date)) FROM generate_series("
                        + "date_trunc('month', to_timestamp(" + first + ") AT TIME ZONE 'UTC'), now() AT TIME ZONE 'UTC', "
                        + "interval '1 month') AS m");
                // A large fill goes in before the secondary indexes exist, which are then built once per partition (as V152
                // moved the records): per-row maintenance of 9 B-trees and 2 GINs would take several times longer.
                // -Dbench.prefill-rebuild-indexes=true|false forces it either way (default: from one chunk up).
                String rebuildProperty = System.getProperty("bench.prefill-rebuild-indexes", "");
                boolean dropIndexes = rebuildProperty.isBlank() ? n >= CHUNK : Boolean.parseBoolean(rebuildProperty);
                List<String[]> indexes = dropIndexes ? dropSecondaryIndexes(st) : List.of();
                double rebuild;
                try {
                    fill(n, first, Integer.getInteger("bench.prefill-threads", 2));
                } finally {
                    long t = System.nanoTime();
                    rebuild(st, indexes); // also after a failed chunk: the application's indexes come back in any case
                    rebuild = (System.nanoTime() - t) / 1e9;
                }
                long t;
                double fill = (System.nanoTime() - t0) / 1e9;
                t = System.nanoTime();
                st.execute("VACUUM ANALYZE access_check");
                st.execute("VACUUM ANALYZE access_check_client");
                double vacuum = (System.nanoTime() - t) / 1e9;
                maxId = sealNewest(c, zone);
                long[] size = sizes(st);
                line = String.format(Locale.ROOT, "Prefill: %,d check records in %.0f s (%,.0f rows/s; of which %d indexes "
                                + "rebuilt in %.0f s), VACUUM ANALYZE %.0f s; "
                                + "now %,d records, access_check %,d MB (heap %,d MB + indexes %,d MB), access_check_client %,d MB",
                        n, fill, n / fill, indexes.size(), rebuild, vacuum, size[0], (size[1] + size[2]) >> 20, size[1] >> 20, size[2] >> 20, size[3] >> 20);
                GateBenchmark.log("%s", line);
            } finally {
                st.execute("SELECT pg_advisory_unlock(" + sealerLock + "), pg_advisory_unlock(" + rollupLock + ")");
            }
        }
        long t = System.nanoTime();
        Object sealer = ctx.getBean(Class.forName("com.estateguard.evidence.internal.Sealer"));
        sealer.getClass().getMethod("sealRecent").invoke(sealer);
        double seal = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        Object rollups = ctx.getBean(Class.forName("com.estateguard.cockpit.internal.CheckRollupJob"));
        rollups.getClass().getMethod("catchUp").invoke(rollups);
        double roll = (System.nanoTime() - t) / 1e9;
        String after = String.format(Locale.ROOT, "  then the sealer's recent pass %.1f s (newest prefilled id %d sealed), "
                + "the cockpit roll-ups caught up in %.0f s; whole prefill %.0f s", seal, maxId, roll, (System.nanoTime() - t0) / 1e9);
        GateBenchmark.log("%s", after);
        return line + "\n" + after;
    }

    /** The chunks, on {@code threads} connections at once (each its own templates), the next chunk to whoever is free. */
    private void fill(long n, long first, int threads) throws Exception {
                String sql = """
                WITH x AS (SELECT g, (g * 2654435761) % 4294967296 AS x, (g * 40503 + 12345) % 65521 AS y
                             FROM generate_series(CAST(? AS bigint), CAST(? AS bigint) - 1) g),
                r AS (SELECT x.x, x.y, x.y % 100 NOT BETWEEN 12 AND 26 AS identified,
                             CASE WHEN x.y % 100 < 12 THEN 'R' ELSE 'A' END AS kind,
                             CASE WHEN (x.x / 13) % 10 < 4 THEN 0 ELSE 1 + (x.x / 17) % CAST(? AS int) END AS ent,
                             to_timestamp(? + ((x.x / 701) % 30) * 86400 + (CAST(? AS int[]))[1 + (x.x / 7) % ?] * 3600
                                          + x.y % 3600) AS at
                        FROM x),
                stored AS (
                  INSERT INTO access_check (client_id, estate_id, entrance_id, device_key_id, occurred_at, direction,
                         category, person_name, person_key, id_masked, evidence, decision, reason_codes, reasons,
                         policy_version_id, created_at, created_by)
                  SELECT gen_random_uuid(), en.estate_id, en.id, CASE WHEN r.ent = 0 THEN CAST(? AS bigint) END, r.at,
                         CASE WHEN r.kind = 'R' OR r.y % 2 = 0 THEN 'IN' ELSE 'OUT' END,
                         CASE WHEN r.identified THEN 'RESIDENT'
                              ELSE (ARRAY['VISITOR', 'COURIER', 'RENOVATION_WORKER'])[1 + r.x % 3] END,
                         CASE WHEN r.identified THEN t.person_name END, CASE WHEN r.identified THEN t.person_key END,
                         CASE WHEN r.identified THEN t.id_masked END, t.evidence, t.decision, t.codes, t.reasons,
                         t.policy, r.at, CASE WHEN r.ent = 0 THEN t.created_by ELSE 'guard' END
                    FROM r
                    JOIN bench_ent en ON en.k = r.ent
                    JOIN bench_tpl t ON t.kind = r.kind
                                    AND t.i = r.x % (CASE r.kind WHEN 'R' THEN CAST(? AS int) ELSE CAST(? AS int) END)
                  RETURNING client_id, estate_id, id, occurred_at)
                INSERT INTO access_check_client (client_id, estate_id, check_id, occurred_at)
                SELECT client_id, estate_id, id, occurred_at FROM stored""";
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                done.add(pool.submit(() -> {
                    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                        c.setAutoCommit(true);
                        // Bulk load: no per-row foreign-key checks (the values are the demo's own ids, copied from stored
                        // checks) and no wait for the WAL flush per chunk; both only for this session, superuser only.
                        try (ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
                            if (rs.next() && rs.getBoolean(1)) {
                                st.execute("SET session_replication_role = replica");
                            }
                        }
                        st.execute("SET synchronous_commit = off");
                        int[] kinds = templates(c);
                        int others = entrances(c);
                        Array hours = c.createArrayOf("int", java.util.Arrays.stream(HOURS).boxed().toArray());
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            long from;
                            while ((from = next.getAndAdd(CHUNK)) < n) {
                                long to = Math.min(n, from + CHUNK);
                                long t = System.nanoTime();
                                ps.setLong(1, from);
                                ps.setLong(2, to);
                                ps.setInt(3, others);
                                ps.setLong(4, first);
                                ps.setArray(5, hours);
                                ps.setInt(6, HOURS.length);
                                ps.setLong(7, device.id());
                                ps.setInt(8, kinds[1]);
                                ps.setInt(9, kinds[0]);
                                int rows = ps.executeUpdate();
                                double s = (System.nanoTime() - t) / 1e9;
                                GateBenchmark.log("prefill %,d-%,d: %,d rows in %.1f s (%,.0f rows/s on this connection)",
                                        from, to, rows, s, rows / s);
                            }
                        } finally {
                            st.execute("RESET session_replication_role");
                            st.execute("RESET synchronous_commit"); // the connection goes back to the application's pool
                            st.execute("DROP TABLE IF EXISTS bench_tpl, bench_ent");
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Drops access_check's indexes other than its primary key (on every partition); returns their names and definitions. */
    private static List<String[]> dropSecondaryIndexes(Statement st) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("""
                SELECT indexname, indexdef FROM pg_indexes
                 WHERE schemaname = current_schema() AND tablename = 'access_check' AND indexname <> 'access_check_pkey'
                 ORDER BY indexname""")) {
            while (rs.next()) {
                // A partitioned table's index reads "ON ONLY access_check"; built without ONLY it covers every partition.
                indexes.add(new String[] {rs.getString(1), rs.getString(2).replace(" ON ONLY ", " ON ")});
            }
        }
        for (String[] index : indexes) {
            GateBenchmark.log("prefill: index dropped for the fill, rebuilt after: %s", index[1]);
            st.execute("DROP INDEX " + index[0]);
        }
        return indexes;
    }

    private static void rebuild(Statement st, List<String[]> indexes) throws SQLException {
        st.execute("SET maintenance_work_mem = '512MB'");
        for (String[] index : indexes) {
            long t = System.nanoTime();
            st.execute(index[1]);
            GateBenchmark.log("prefill: %s built in %.1f s", index[0], (System.nanoTime() - t) / 1e9);
        }
        st.execute("RESET maintenance_work_mem");
    }

    /** The calibrated checks as row templates: kind A (allowed) or R (refused or referred), numbered from 0 per kind. */
    private int[] templates(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_tpl");
            st.execute("""
                    CREATE TEMPORARY TABLE bench_tpl (kind text, i int, person_name text, person_key text, id_masked text,
                           evidence jsonb, decision text, codes text[], reasons jsonb, policy bigint, created_by text)""");
        }
        int allowed = 0;
        int refused = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bench_tpl VALUES (?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, cast(? AS jsonb), ?, ?)")) {
            for (GateBenchmark.Person p : people) {
                GateBenchmark.StoredCheck s = p.stored();
                boolean allow = "ALLOW".equals(s.decision());
                ps.setString(1, allow ? "A" : "R");
                ps.setInt(2, allow ? allowed++ : refused++);
                ps.setString(3, s.personName());
                ps.setString(4, p.personKey());
                ps.setString(5, s.idMasked());
                ps.setString(6, s.evidence());
                ps.setString(7, s.decision());
                ps.setArray(8, c.createArrayOf("text", s.codes()));
                ps.setString(9, s.reasons());
                ps.setLong(10, s.policyVersionId());
                ps.setString(11, s.createdBy());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (allowed == 0 || refused == 0) {
            throw new IllegalStateException("prefill needs allowed and refused calibration checks: " + allowed + "/" + refused);
        }
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE bench_tpl");
        }
        return new int[] {allowed, refused};
    }

    /** Every entrance of the demo estates, the terminal's own as k = 0, the others 1..m; returns m. */
    private int entrances(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_ent");
            st.execute("CREATE TEMPORARY TABLE bench_ent (k int, id bigint, estate_id bigint)");
            st.execute("INSERT INTO bench_ent SELECT row_number() OVER (ORDER BY id), id, estate_id FROM org_entrance WHERE id <> "
                    + device.entranceId());
            st.execute("INSERT INTO bench_ent VALUES (0, " + device.entranceId() + ", " + device.estateId() + ")");
            st.execute("ANALYZE bench_ent");
            try (ResultSet rs = st.executeQuery("SELECT count(*) - 1 FROM bench_ent")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Seals the newest prefilled record into its estate's chain for its day (as Sealer.append: the chain's head,
     * {@code Chain.link(head, content hash)}, the next sequence number), with the sealer's canonical settings.
     */
    private long sealNewest(Connection c, ZoneId zone) throws Exception {
        Class<?> kind = Class.forName("com.estateguard.evidence.internal.EvidenceKind");
        Field contentHash = kind.getDeclaredField("CONTENT_HASH");
        contentHash.setAccessible(true);
        Class<?> chain = Class.forName("com.estateguard.evidence.internal.Chain");
        Method link = chain.getDeclaredMethod("link", byte[].class, byte[].class);
        link.setAccessible(true);
        Field genesis = chain.getDeclaredField("GENESIS");
        genesis.setAccessible(true);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT set_config('TimeZone', 'UTC', true), set_config('bytea_output', 'hex', true)");
            long id;
            long estate;
            LocalDate day;
            byte[] content;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.estate_id, (t.occurred_at AT TIME ZONE ?)::date, "
                    + contentHash.get(null) + " FROM access_check t WHERE t.id = (SELECT max(check_id) FROM access_check_client)")) {
                ps.setString(1, zone.getId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                    estate = rs.getLong(2);
                    day = rs.getObject(3, LocalDate.class);
                    content = rs.getBytes(4);
                }
            }
            int seq = 0;
            byte[] head = (byte[]) genesis.get(null);
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT seq, link_hash FROM evidence_seal WHERE kind = 'CHECK' AND estate_id = ? AND day = ?
                     ORDER BY seq DESC LIMIT 1""")) {
                ps.setLong(1, estate);
                ps.setObject(2, day);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getInt(1);
                        head = rs.getBytes(2);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO evidence_seal (kind, estate_id, day, seq, row_id, content_hash, link_hash)
                    VALUES ('CHECK', ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, estate);
                ps.setObject(2, day);
                ps.setInt(3, seq + 1);
                ps.setLong(4, id);
                ps.setBytes(5, content);
                ps.setBytes(6, (byte[]) link.invoke(null, head, content));
                ps.executeUpdate();
            }
            c.commit();
            return id;
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Records, heap bytes and index bytes of access_check's partitions, and access_check_client's total bytes. */
    private static long[] sizes(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("""
                SELECT (SELECT count(*) FROM access_check),
                       sum(pg_table_size(relid)), sum(pg_indexes_size(relid)),
                       (SELECT pg_total_relation_size('access_check_client'))
                  FROM pg_partition_tree('access_check') WHERE isleaf""")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private static long lockKey(String type) throws ReflectiveOperationException {
        Field f = Class.forName(type).getDeclaredField("LOCK");
        f.setAccessible(true);
        return f.getLong(null);
    }
}
