package com.estateguard.benchmark;

import com.estateguard.Application;
import com.estateguard.TestClient;
import com.estateguard.cockpit.internal.CheckRollupJob;
import com.estateguard.cockpit.internal.DayFigureJob;
import com.estateguard.common.Role;
import com.estateguard.identity.Users;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the cockpit in a city of 10,000 estates (10 districts, 100 streets, 1,000 communities) with
 * N check records (default 2,000,000) over the last 30 days, generated with SQL generate_series (a day's
 * shape: most entries between 07:00 and 21:00; 12 % refused, for one or two reasons): how fast the
 * roll-up job folds the records in (records/s), a city's day rebuilt from the raw records against a
 * plain scan of that day's rows, the ledgers' day figures for 10,000 estates, and over HTTP the page and
 * its figures JSON for the city, a district, a street and an estate (30 days), p50/p95 after a warm-up.
 * Not a test: run with {@code ./mvnw -Pbench test-compile exec:java@cockpit} (-Dbench.checks=N -Dbench.runs=N;
 * -Dbench.only=recount stops after the recount and the rebuild; -Dbench.keep=true leaves the database in
 * target/bench-cockpit-pg, -Dbench.reuse=true measures only the recount again on it, or start the application on it
 * with --estateguard.embedded-db.clean=false for EXPLAIN).
 */
public final class CockpitBenchmark {

    private CockpitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 40);
        int checks = Integer.getInteger("bench.checks", 2_000_000);
        if (Boolean.getBoolean("bench.keep")) {
            System.setProperty("ot.epg.no-cleanup", "true");   // zonky deletes a cleaned data directory on close otherwise
        }
        // -Dbench.reuse=true: the database a run with -Dbench.keep=true left, only the recount measured again.
        boolean reuse = Boolean.getBoolean("bench.reuse");
        ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--estateguard.embedded-db.data-dir=target/bench-cockpit-pg",
                "--estateguard.embedded-db.clean=" + !reuse, "--spring.profiles.active=demo",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                // Measured by hand below, not by the schedules.
                "--estateguard.evidence.seal-every=PT1H", "--estateguard.cockpit.roll-every=PT1H",
                "--estateguard.cockpit.day-figures-every=PT1H");
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            OrgDirectory org = ctx.getBean(OrgDirectory.class);
            ZoneId zone = ctx.getBean(ZoneId.class);
            LocalDate today = LocalDate.now(ctx.getBean(Clock.class).withZone(zone));
            CheckRollupJob rollups = ctx.getBean(CheckRollupJob.class);
            rollups.catchUp();   // the demo's own checks
            if (reuse) {
                measureRecount(ctx, jdbc, zone, today, rollups);
                return;
            }

            long t0 = System.nanoTime();
            long city = org.createRegion(null, RegionLevel.CITY, "基准市", "bench");
            List<Long> districts = new ArrayList<>();
            List<Long> streets = new ArrayList<>();
            for (int d = 1; d <= 10; d++) {
                long district = org.createRegion(city, RegionLevel.DISTRICT, "基准区" + d, "bench");
                districts.add(district);
                for (int s = 1; s <= 10; s++) {
                    long street = org.createRegion(district, RegionLevel.STREET, "基准区" + d + "街道" + s, "bench");
                    streets.add(street);
                    for (int c = 1; c <= 10; c++) {
                        org.createRegion(street, RegionLevel.COMMUNITY, "基准区" + d + "街道" + s + "社区" + c, "bench");
                    }
                }
            }
            long company = org.createCompany(null, "基准物业", "bench");
            String cityPath = "R/" + city + "/";
            jdbc.sql("""
                    INSERT INTO org_estate (name, region_id, company_id, area_m2, created_by)
                    SELECT '基准小区' || g, r.id, :co, 20000, 'bench'
                      FROM generate_series(0, 9999) g
                      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM org_region
                             WHERE level = 'COMMUNITY' AND path LIKE :city || '%') r ON r.n = g % 1000""")
                    .param("co", company).param("city", cityPath).update();
            jdbc.sql("""
                    INSERT INTO org_entrance (estate_id, name, kind, open, created_by)
                    SELECT id, '南门', 'MIXED', true, 'bench' FROM org_estate WHERE region_path LIKE :city || '%'""")
                    .param("city", cityPath).update();
            long policy = jdbc.sql("SELECT min(id) FROM policy_version").query(Long.class).single();
            long start = today.minusDays(29).atStartOfDay(zone).toEpochSecond();
            long gen = System.nanoTime();
            jdbc.sql("""
                    WITH e AS (SELECT n.id AS entrance_id, n.estate_id, row_number() OVER (ORDER BY n.id) - 1 AS k
                                 FROM org_entrance n JOIN org_estate s ON s.id = n.estate_id WHERE s.region_path LIKE :city || '%')
                    INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                              decision, reason_codes, reasons, policy_version_id, created_by)
                    SELECT gen_random_uuid(), e.estate_id, e.entrance_id,
                           to_timestamp(:start + (g % 30) * 86400 + 25200 + (g * 7919) % 50400 + (g % 97) * 37 % 3600),
                           CASE WHEN g % 5 = 0 THEN 'OUT' ELSE 'IN' END, 'RESIDENT', '{}'::jsonb,
                           CASE WHEN g % 25 IN (1, 2, 3) THEN 'REFUSE' WHEN g % 50 = 4 THEN 'REFER' ELSE 'ALLOW' END,
                           CASE WHEN g % 25 = 1 THEN ARRAY['NAT_EXPIRED'] WHEN g % 25 = 2 THEN ARRAY['FEVER']
                                WHEN g % 25 = 3 THEN ARRAY['CODE_NOT_GREEN', 'NAT_EXPIRED']
                                WHEN g % 50 = 4 THEN ARRAY['NOT_IN_RESIDENT_REGISTER'] ELSE ARRAY[]::text[] END,
                           '[]'::jsonb, :policy, 'bench'
                      FROM generate_series(0::bigint, :n - 1) g JOIN e ON e.k = (g * 7) % 10000""")
                    .param("city", cityPath).param("start", start).param("policy", policy).param("n", checks).update();
            double genSeconds = (System.nanoTime() - gen) / 1e9;
            jdbc.sql("ANALYZE").update();
            System.out.printf("generated: 10,000 estates, %,d check records in %.1f s (records %.1f s)%n", checks,
                    (System.nanoTime() - t0) / 1e9, genSeconds);

            long fold = System.nanoTime();
            rollups.catchUp();
            double foldSeconds = (System.nanoTime() - fold) / 1e9;
            System.out.printf("roll-up caught up with %,d records in %.1f s (%,.0f records/s); %,d hour rows kept, %,d region hour rows%n",
                    checks, foldSeconds, checks / foldSeconds, jdbc.sql("SELECT count(*) FROM cockpit_check_hour").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM cockpit_region_check_hour").query(Long.class).single());

            measureRecount(ctx, jdbc, zone, today, rollups);
            if ("recount".equals(System.getProperty("bench.only"))) {
                return;
            }
            DayFigureJob days = ctx.getBean(DayFigureJob.class);
            measure("ledgers' day figures, all estates", 3, () -> {
                days.refresh(today);
                return null;
            });

            Users users = ctx.getBean(Users.class);
            users.createSeeded(new Users.NewUser("benchcity", "bench-pass-1234", "基准市住建局", Role.CITY_AUTHORITY, city, null, null, null),
                    users.hash("bench-pass-1234"), "bench");
            long estate = jdbc.sql("SELECT min(id) FROM org_estate WHERE region_path LIKE :city || '%'").param("city", cityPath)
                    .query(Long.class).single();
            users.createSeeded(new Users.NewUser("benchadmin", "bench-pass-1234", "基准防疫管理员", Role.PREVENTION_ADMIN, null, null, estate, null),
                    users.hash("bench-pass-1234"), "bench");
            var charts = ctx.getBean(com.estateguard.cockpit.internal.CockpitCharts.class);
            var cityUser = new com.estateguard.common.CurrentUser(0, "bench", "bench", Role.CITY_AUTHORITY, cityPath, null, null);
            measure("  in-process: the city's view", runs, () -> charts.view(cityUser, null, null, null));
            measure("  in-process: view and charts' JSON", runs, () -> charts.json(charts.view(cityUser, null, null, null)));
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            TestClient client = TestClient.person(port, "benchcity", "bench-pass-1234");
            measure("GET /cockpit (city, 10,000 estates)", runs, () -> check(client.get("/cockpit")));
            measure("GET figures.json (city)", runs, () -> check(client.get("/cockpit/figures.json")));
            measure("GET /cockpit (district, 1,000)", runs, () -> check(client.get("/cockpit?region=" + districts.get(0))));
            measure("GET /cockpit (street, 100)", runs, () -> check(client.get("/cockpit?region=" + streets.get(0))));
            TestClient admin = TestClient.person(port, "benchadmin", "bench-pass-1234");
            measure("GET /cockpit (estate, 30 days)", runs, () -> check(admin.get("/cockpit")));
            measure("GET figures.json (estate, 30 days)", runs, () -> check(admin.get("/cockpit/figures.json")));

            // An estate's day of checks as Excel (issue 12 section 3): the busiest estate-day generated, then a busy gate's
            // day of 20,000 records added to the admin's estate yesterday (evidence copied from a real check of the demo).
            var busiest = jdbc.sql("""
                    SELECT estate_id, (occurred_at AT TIME ZONE :zone)::date AS day, count(*) FROM access_check
                     WHERE created_by = 'bench' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1""")
                    .param("zone", zone.getId()).query((rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3)})
                    .single();
            measure("GET export.xlsx, busiest generated estate-day (" + busiest[2] + ")", 20,
                    () -> xlsx(client, "/checks/export.xlsx?from=" + busiest[1] + "&estate=" + busiest[0]));
            jdbc.sql("""
                    INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name, id_masked,
                                              evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                    SELECT gen_random_uuid(), :e, (SELECT min(id) FROM org_entrance WHERE estate_id = :e),
                           to_timestamp(:day + 21600 + g * 3), CASE WHEN g % 5 = 0 THEN 'OUT' ELSE 'IN' END, 'RESIDENT',
                           '住户' || g, '1101**********' || lpad((g % 10000)::text, 4, '0'),
                           coalesce((SELECT evidence FROM access_check WHERE created_by <> 'bench' AND evidence::text <> '{}' LIMIT 1), '{}'::jsonb),
                           CASE WHEN g % 25 = 1 THEN 'REFUSE' ELSE 'ALLOW' END,
                           CASE WHEN g % 25 = 1 THEN ARRAY['FEVER'] ELSE ARRAY[]::text[] END, '[]'::jsonb, :policy, 'bench-busy'
                      FROM generate_series(0, 19999) g""")
                    .param("e", estate).param("day", today.minusDays(1).atStartOfDay(zone).toEpochSecond()).param("policy", policy).update();
            jdbc.sql("ANALYZE access_check").update();
            measure("GET export.xlsx, a busy estate-day (20,000 + generated)", 10,
                    () -> xlsx(admin, "/checks/export.xlsx?from=" + today.minusDays(1) + "&estate=" + estate));
        } finally {
            ctx.close();
        }
    }

    /**
     * Yesterday recounted from the raw records against scans of the same rows (the first plain scan reads every row of
     * the day without the correction filter, as it did before 2026-12-03 session 3), and the rebuild.
     */
    private static void measureRecount(ConfigurableApplicationContext ctx, JdbcClient jdbc, ZoneId zone, LocalDate today,
                                       CheckRollupJob rollups) {
        var dayFrom = java.sql.Timestamp.from(today.minusDays(1).atStartOfDay(zone).toInstant());
        var dayTo = java.sql.Timestamp.from(today.atStartOfDay(zone).toInstant());
        // The recount reads every row of the day (direction and decision are filters, not index keys) and leaves out the
        // corrected records: the fair baseline is a scan of the same rows with the same filter, returning one number.
        measure("plain scan of yesterday's rows", 11, () -> jdbc.sql(
                "SELECT sum(estate_id + length(decision) + cardinality(reason_codes)) FROM access_check WHERE occurred_at >= :f AND occurred_at < :t")
                .param("f", dayFrom).param("t", dayTo).query(Long.class).single());
        String standing = """
                SELECT sum(estate_id + length(decision) + cardinality(reason_codes)) FROM access_check c
                 WHERE occurred_at >= :f AND occurred_at < :t AND c.direction = 'IN' AND c.id <= :upTo
                   AND c.id NOT IN (SELECT x.corrects_check_id FROM access_check x WHERE x.corrects_check_id IS NOT NULL AND x.id <= :upTo)""";
        Supplier<Object> scan = () -> jdbc.sql(standing).param("f", dayFrom).param("t", dayTo).param("upTo", Long.MAX_VALUE)
                .query(Long.class).single();
        var source = ctx.getBean(com.estateguard.cockpit.CheckRollups.class);
        Supplier<Object> recount = () -> source.recount(dayFrom.toInstant(), dayTo.toInstant(), Long.MAX_VALUE);
        var same = summed(recount.get()).equals(summed(recountAsOnMain(jdbc, zone, dayFrom, dayTo)));
        System.out.printf("recount equals main's recount: %s (%,d figures)%n", same, summed(recount.get()).size());
        if (!same) {
            throw new IllegalStateException("the recount differs from main's");
        }
        if (Boolean.getBoolean("bench.variants")) {
            String w = " " + """
                    FROM access_check c WHERE c.occurred_at >= :f AND c.occurred_at < :t AND c.direction = 'IN' AND c.id <= :upTo
                    AND c.id NOT IN (SELECT x.corrects_check_id FROM access_check x WHERE x.corrects_check_id IS NOT NULL AND x.id <= :upTo)""";
            String agg = "count(*) FILTER (WHERE c.decision = 'ALLOW'), count(*) FILTER (WHERE c.decision = 'REFUSE'), "
                    + "count(*) FILTER (WHERE c.decision = 'REFER'), string_agg(array_to_string(c.reason_codes, ' '), ' ') FILTER (WHERE c.decision = 'REFUSE')";
            String bin = "date_bin('1 hour', c.occurred_at, :f)";
            var variants = new java.util.LinkedHashMap<String, String>();
            variants.put("v1 hour timestamptz", "SELECT c.estate_id, " + bin + ", " + agg + w + " GROUP BY 1, 2");
            variants.put("v2 count of groups only", "SELECT count(*) FROM (SELECT c.estate_id, " + bin + ", " + agg + w + " GROUP BY 1, 2) g");
            String named = "count(*) FILTER (WHERE c.decision = 'ALLOW') AS a, count(*) FILTER (WHERE c.decision = 'REFUSE') AS b, "
                    + "count(*) FILTER (WHERE c.decision = 'REFER') AS r, string_agg(array_to_string(c.reason_codes, ' '), ' ') FILTER (WHERE c.decision = 'REFUSE') AS s";
            String grouped = "(SELECT c.estate_id, " + bin + " AS h, " + named + w + " GROUP BY 1, 2) g";
            variants.put("v3 hour as epoch bigint", "SELECT estate_id, extract(epoch from h)::bigint, a, b, r, s FROM " + grouped);
            variants.put("v7 one text row", "SELECT string_agg(concat_ws(',', estate_id, extract(epoch from h)::bigint, a, b, r, s), ';') FROM " + grouped);
            variants.put("v4 group by decision, reasons", "SELECT c.estate_id, " + bin + ", c.decision, CASE WHEN c.decision = 'REFUSE' THEN array_to_string(c.reason_codes, ' ') END, count(*)" + w + " GROUP BY 1, 2, 3, 4");
            variants.put("v5 no reasons", "SELECT c.estate_id, " + bin + ", count(*) FILTER (WHERE c.decision = 'ALLOW'), count(*) FILTER (WHERE c.decision = 'REFUSE'), count(*) FILTER (WHERE c.decision = 'REFER')" + w + " GROUP BY 1, 2");
            variants.put("v6 rows only (no group)", "SELECT c.estate_id, c.occurred_at, c.decision, c.reason_codes" + w);
            for (int round = 0; round < 2; round++) {
                measure("plain scan, standing rows (as recounted)", 31, scan);
                variants.forEach((name, sql) -> measure("  " + name, 31, () -> {
                    long[] sum = {0};
                    jdbc.sql(sql).param("f", dayFrom).param("t", dayTo).param("upTo", Long.MAX_VALUE).query((RowCallbackHandler) rs -> {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object o = rs.getObject(i);
                            sum[0] += o == null ? 0 : 1;
                        }
                    });
                    return sum[0];
                }));
            }
        }
        int rounds = Integer.getInteger("bench.recount-rounds", 2);
        for (int round = 1; round <= rounds; round++) {
            long[] s = measure("plain scan, standing rows (as recounted)", 31, scan);
            long[] old = measure("  recount, main's query of 2026-12-03", 31, () -> recountAsOnMain(jdbc, zone, dayFrom, dayTo));
            long[] now = measure("  recount of yesterday only (no writes)", 31, recount);
            ratio("  main's recount / standing scan", old, s);
            ratio("  recount / standing scan", now, s);
        }
        measure("rebuild of yesterday (city-wide)", 5, () -> {
            rollups.rebuild(dayFrom.toInstant(), dayTo.toInstant());
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Long> summed(Object counts) {
        var summed = new java.util.HashMap<String, Long>();
        for (var c : (List<com.estateguard.cockpit.CheckRollups.HourCount>) counts) {
            summed.merge(c.estateId() + " " + c.hour() + " " + c.figure(), c.n(), Long::sum);
        }
        return summed;
    }

    /** The recount as it was on main before the one-pass query (a materialised CTE read twice), for a like-for-like ratio. */
    private static Object recountAsOnMain(JdbcClient jdbc, ZoneId zone, java.sql.Timestamp from, java.sql.Timestamp to) {
        return jdbc.sql("""
                        WITH standing AS (
                            SELECT c.estate_id, date_trunc('hour', c.occurred_at AT TIME ZONE :zone) AS hour, c.decision, c.reason_codes
                              FROM access_check c
                             WHERE c.occurred_at >= :from AND c.occurred_at < :to AND c.direction = 'IN' AND c.id <= :upTo
                               AND c.id NOT IN (SELECT x.corrects_check_id FROM access_check x
                                                 WHERE x.corrects_check_id IS NOT NULL AND x.id <= :upTo))
                        SELECT estate_id, hour, 'ENTRY.' || decision AS figure, count(*) AS n FROM standing GROUP BY 1, 2, 3
                        UNION ALL
                        SELECT estate_id, hour, 'REFUSAL.' || r.code, count(*) FROM standing, unnest(reason_codes) AS r(code)
                         WHERE decision = 'REFUSE' GROUP BY 1, 2, 3""")
                .param("zone", zone.getId()).param("from", from).param("to", to).param("upTo", Long.MAX_VALUE)
                .query((rs, i) -> new com.estateguard.cockpit.CheckRollups.HourCount(rs.getLong("estate_id"),
                        rs.getObject("hour", java.time.LocalDateTime.class).atZone(zone).toInstant(), rs.getString("figure"), rs.getLong("n")))
                .list();
    }

    private static Object check(TestClient.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("status " + response.status());
        }
        return response;
    }

    private static Object xlsx(TestClient client, String path) {
        var response = client.getBytes(path);
        if (response.statusCode() != 200 || response.body().length < 1000) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        return response;
    }

    private static long[] measure(String what, int runs, Supplier<Object> action) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            action.get();
        }
        long[] ms = new long[runs];
        System.gc();   // the garbage of what ran before is not collected on this step's CPU
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long thread0 = threads.getCurrentThreadCpuTime();
        long jvm0 = jvmCpuNanos();
        long pg0 = postgresCpuTicks();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            action.get();
            ms[i] = (System.nanoTime() - started) / 1_000_000;
        }
        double jvm = (jvmCpuNanos() - jvm0) / 1e6 / runs;
        double thread = (threads.getCurrentThreadCpuTime() - thread0) / 1e6 / runs;
        double pg = (postgresCpuTicks() - pg0) * 10.0 / runs;
        Arrays.sort(ms);
        System.out.printf("%-40s p50 %5d ms  p95 %5d ms  max %5d ms  (%d runs, load %s)  CPU per run: JVM %.1f ms (this thread %.1f), PostgreSQL %.1f ms%n",
                what, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1], runs, load(), jvm, thread, pg);
        return new long[] {ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], Math.round((jvm + pg) * 10)};
    }

    /** The benchmark JVM's CPU time (all its threads, the collector's too). */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time (user + system, in ticks of 10 ms) of the benchmark's PostgreSQL: the postmaster and every process it started. */
    private static long postgresCpuTicks() {
        try {
            String postmaster = java.nio.file.Files.readAllLines(java.nio.file.Path.of("target/bench-cockpit-pg/postmaster.pid")).get(0).trim();
            long ticks = 0;
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var dir : (Iterable<java.nio.file.Path>) procs::iterator) {
                    if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");   // f[0] is field 3 (state)
                        if (dir.getFileName().toString().equals(postmaster) || f[1].equals(postmaster)) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14, 15)
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a process that ended meanwhile
                    }
                }
            }
            return ticks;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void ratio(String what, long[] recount, long[] scan) {
        System.out.printf("%-40s p50 %.2fx  p95 %.2fx  CPU %.2fx%n", what, (double) recount[0] / Math.max(1, scan[0]),
                (double) recount[1] / Math.max(1, scan[1]), (double) recount[2] / Math.max(1, scan[2]));
    }

    /** The machine's 1-minute load average as the run ends (the machine is shared: every figure goes with it). */
    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
