package com.estateguard.benchmark;

import com.estateguard.Application;
import com.estateguard.healthdata.PersonKeys;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gate throughput benchmark (not a test; run it with {@code main}, see docs/PERFORMANCE.md).
 *
 * <p>Starts EstateGuard in-process on a fresh embedded PostgreSQL with the demo data and measures,
 * in one run and against 127.0.0.1 only:
 * <ol>
 *   <li>DB-only: the database work of one entry check done directly over JDBC, one transaction
 *       per check (health-code status with the newest NAT, recoveries, INSERT into access_check, the
 *       follow-up INSERTs a refusal opens), K threads, synchronous_commit on;</li>
 *   <li>API: POST /api/v1/checks with X-Api-Key, closed-loop concurrency sweep over HTTP/1.1 keep-alive;</li>
 *   <li>latency: open-loop at half the API peak rate, measured from each request's scheduled send
 *       time (no coordinated omission).</li>
 * </ol>
 * It also reports the CPU time per check of the server threads, the load generator, the JVM and
 * PostgreSQL (from /proc), and writes target/gate-benchmark.txt and target/gate-latency.csv.
 * Durations and levels can be changed with system properties {@code bench.*} (see {@link Config}).
 */
public final class GateBenchmark {

    /**
     * Same as RegisterHealthSource.healthCodeWithNat: the code status and the newest NAT in one statement. The
     * entrance (OrgDirectory.entrance) is not read per check: it is cached for 5 s by id (issue 12 section 4).
     */
    private static final String CODE_NAT_SQL = """
            SELECT c.person_name, c.id_masked, c.status, c.as_of, n.sampled_at, n.result
              FROM (SELECT person_name, id_masked, status, as_of FROM health_code_status
                     WHERE person_key = ? ORDER BY as_of DESC LIMIT 1) c
              LEFT JOIN LATERAL (SELECT sampled_at, result FROM health_nat_result
                                  WHERE person_key = ? ORDER BY sampled_at DESC LIMIT 1) n ON true""";
    /** Same as emergency's MovementRecords.recoveriesOf, asked for every identified person entering (GateRestrictions). */
    private static final String RECOVERY_SQL = """
            SELECT id, incident_id, person_key, person_name, id_masked, estate_region_path, discharged_on, recorded_at,
                   recorded_by FROM emg_recovery WHERE estate_id = ? AND person_key = ? AND NOT drill""";
    /** Same as CheckRepository.insert (a first record): the client id's row and the check in one statement (V152). */
    private static final String INSERT_SQL = """
            WITH k AS (INSERT INTO access_check_client (client_id, estate_id, check_id, occurred_at)
                       VALUES (?, ?, nextval('access_check_id_seq'), ?)
                       ON CONFLICT (client_id, estate_id) DO NOTHING RETURNING check_id)
            INSERT INTO access_check (id, client_id, estate_id, entrance_id, shift_id, device_key_id, occurred_at,
                   direction, category, person_name, person_key, id_masked, group_id, vehicle_plate, evidence,
                   decision, reason_codes, reasons, policy_version_id, created_by, corrects_check_id, corrects_occurred_at)
            SELECT k.check_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, cast(? AS jsonb), ?, ?,
                   NULL, NULL FROM k RETURNING id""";
    /** Same as FollowUps.open: the check's key carries its occurred_at (V152). */
    private static final String FOLLOW_UP_SQL = """
            INSERT INTO access_follow_up (check_id, estate_id, check_occurred_at, kind, reason_codes, created_by)
            VALUES (?, ?, ?, ?, ?, ?)""";
    /** Same as CheckRepository.byClientId (the idempotency read CheckRecorder.record did first until issue 12). */
    private static final String BY_CLIENT_ID_SQL = """
            SELECT c.id, c.client_id, c.estate_id, e.name AS estate_name, c.entrance_id, n.name AS entrance_name,
                   c.occurred_at, c.direction, c.category, c.person_name, c.id_masked, c.group_id, c.vehicle_plate,
                   c.evidence::text AS evidence, c.decision, c.reason_codes, c.reasons::text AS reasons,
                   c.policy_version_id, c.corrects_check_id, c.created_by, c.shift_id
              FROM access_check_client k
              JOIN access_check c ON c.id = k.check_id AND c.estate_id = k.estate_id AND c.occurred_at = k.occurred_at
              JOIN org_estate e ON e.id = c.estate_id JOIN org_entrance n ON n.id = c.entrance_id
             WHERE k.client_id = ? ORDER BY k.check_id + 0 LIMIT 1""";

    /** When the watchdog ends the run (System.nanoTime); a prefill moves it by its own duration. */
    private static volatile long deadline;

    /** -Dbench.pg-statements=true: PostgreSQL's statements per API step, from pg_stat_statements. */
    static final boolean PG_STATEMENTS = Boolean.getBoolean("bench.pg-statements");

    /** -Dbench.latency-fraction=0.25: the open loop's rate as a fraction of the API peak (issue 12's target: 0.5). */
    static final double LATENCY_FRACTION = Double.parseDouble(System.getProperty("bench.latency-fraction", "0.5"));
    /**
     * -Dbench.client-ids=v7: the checks' client ids time-ordered (UUID version 7, as the platform's own pages make them
     * and the API recommends); v4 (default, as every earlier figure): random.
     */
    static final boolean CLIENT_IDS_V7 = "v7".equalsIgnoreCase(System.getProperty("bench.client-ids", "v4"));

    /** A new check's client id, as -Dbench.client-ids says. */
    static UUID clientId() {
        return CLIENT_IDS_V7 ? com.github.f4b6a3.uuid.UuidCreator.getTimeOrderedEpoch() : UUID.randomUUID();
    }

    private GateBenchmark() {
    }

    /**
     * Run parameters, overridable with system properties: bench.warmup-seconds (DB-only warm-up, 5),
     * bench.api-warmup-seconds / bench.api-warmup-max-seconds (API warm-up until the JIT settles, 15..60),
     * bench.step-seconds (8), bench.latency-seconds (15), bench.db-threads (2,4,8,16), bench.api-concurrency
     * (4,8,16,32), bench.db-preread (true), bench.jfr (file; JFR of the whole run), bench.max-minutes (6),
     * bench.fsync (on/off; default as the application configures it: on), bench.pool-sizes (e.g. 20,6; pool
     * experiment), bench.prefill-checks (0; check records written before the measured steps, see {@link Prefill}),
     * bench.datadir (target/bench-pg), bench.reuse-db (false: the data directory is emptied first; true: kept, with
     * its demo data and any earlier prefill), bench.load-jvm (same: the open loop runs in this JVM, as always;
     * separate: in a JVM of its own, {@link GateLoadGenerator}, with bench.load-jvm-opts, default -Xms256m -Xmx256m),
     * bench.generator (httpclient: the API's measured closed-loop steps from this JVM's HttpClient threads, as always;
     * wrk: from wrk, as issue 12 measured the gate and the peer, {@link GateWrk}, and the open loop's requests through
     * {@link GateSocketClient} instead of HttpClient; the warm-up stays with HttpClient), bench.open-loop (wrk: the open
     * loop from wrk too, its own process, {@link GateWrk#openLoop}, over bench.open-loop-connections connections, 128;
     * jvm: from this JVM's 64 threads as before; default: wrk when bench.generator is wrk).
     */
    record Config(int warmupSeconds, int apiWarmupSeconds, int apiWarmupMaxSeconds, int stepSeconds, int latencySeconds,
                  List<Integer> dbThreads,
                  List<Integer> apiConcurrency, boolean preReadVariant, String jfrFile, int maxMinutes,
                  String fsync, List<Integer> poolSizes, long prefillChecks, String dataDir, boolean reuseDb,
                  boolean separateLoadJvm, boolean wrk, boolean openLoopWrk, int openLoopConnections) {

        static Config fromSystemProperties() {
            return new Config(
                    Integer.getInteger("bench.warmup-seconds", 5),
                    Integer.getInteger("bench.api-warmup-seconds", 15),
                    Integer.getInteger("bench.api-warmup-max-seconds", 60),
                    Integer.getInteger("bench.step-seconds", 8),
                    Integer.getInteger("bench.latency-seconds", 15),
                    ints(System.getProperty("bench.db-threads", "2,4,8,16")),
                    ints(System.getProperty("bench.api-concurrency", "4,8,16,32")),
                    Boolean.parseBoolean(System.getProperty("bench.db-preread", "true")),
                    System.getProperty("bench.jfr", ""),
                    Integer.getInteger("bench.max-minutes", 6),
                    System.getProperty("bench.fsync", ""),
                    ints(System.getProperty("bench.pool-sizes", "")),
                    Long.getLong("bench.prefill-checks", 0),
                    System.getProperty("bench.datadir", "target/bench-pg"),
                    Boolean.parseBoolean(System.getProperty("bench.reuse-db", "false")),
                    "separate".equalsIgnoreCase(System.getProperty("bench.load-jvm", "same")),
                    "wrk".equalsIgnoreCase(System.getProperty("bench.generator", "httpclient")),
                    "wrk".equalsIgnoreCase(System.getProperty("bench.open-loop",
                            System.getProperty("bench.generator", "httpclient"))),
                    Integer.getInteger("bench.open-loop-connections", 128));
        }

        private static List<Integer> ints(String csv) {
            return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
        }
    }

    /** The machine probe's time before the run (ms), see {@link #machineProbeMillis()}. */
    private static double probeBefore;

    /**
     * A fixed piece of CPU work on one thread (SHA-256 of 64 MB, best of three) in milliseconds. This machine's speed
     * moved by up to 45 % within an hour with nothing else running (docs/PERFORMANCE.md, session 5). The probe reads one
     * core's speed, which stayed put in those slow phases: it rules out a slow core, not a slow machine; the DB-only
     * control within the run is the better yardstick.
     */
    static double machineProbeMillis() {
        try {
            byte[] block = new byte[1 << 20];
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                long start = System.nanoTime();
                for (int i = 0; i < 64; i++) {
                    sha.update(block);
                }
                sha.digest();
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            return best;
        } catch (java.security.NoSuchAlgorithmException e) {
            return Double.NaN;
        }
    }

    public static void main(String[] args) throws Exception {
        Config cfg = Config.fromSystemProperties();
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(cfg.maxMinutes());
        Thread watchdog = new Thread(() -> {
            try {
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    Thread.sleep(Math.max(1, Math.min(10_000, TimeUnit.NANOSECONDS.toMillis(left))));
                }
                System.err.println("GateBenchmark: time limit of " + cfg.maxMinutes() + " min (plus any prefill) reached, exiting");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
                // finished in time
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        probeBefore = machineProbeMillis();
        int exit = 1;
        ConfigurableApplicationContext ctx = null;
        jdk.jfr.Recording jfr = null;
        try {
            if (!cfg.jfrFile().isBlank()) {
                // Started before the application: starting JFR later deoptimises compiled code, and on 2 cores the
                // JIT needs a minute to recover. "default" settings plus 10 ms execution samples; "profile"
                // costs this small machine most of its throughput. Covers the whole run - filter by time.
                jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
                jfr.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
                // For the latency tail: every wait of 1 ms or more (a request waiting for its batch's commit parks in
                // CheckCommits; a pool wait parks in Hikari), and the safepoints besides the GC pauses.
                jfr.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
                jfr.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
                jfr.enable("jdk.SafepointBegin");
                jfr.enable("jdk.GCPhasePause");
                jfr.setDestination(Path.of(cfg.jfrFile()));
                jfr.start();
                log("JFR recording the whole run to %s", cfg.jfrFile());
            }
            long t0 = System.nanoTime();
            Path pgDataDir = Path.of(cfg.dataDir());
            // The default directory is emptied at start and end (zonky's clean). A named one (-Dbench.datadir) is kept
            // afterwards: emptied first unless -Dbench.reuse-db=true, and only if it is a PostgreSQL data directory.
            boolean named = System.getProperty("bench.datadir") != null;
            if (named && !cfg.reuseDb() && Files.exists(pgDataDir)) {
                if (!Files.exists(pgDataDir.resolve("PG_VERSION"))) {
                    throw new IllegalStateException(pgDataDir + " exists and is not a PostgreSQL data directory: not emptied");
                }
                try (var paths = Files.walk(pgDataDir)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            List<String> appArgs = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--estateguard.embedded-db.data-dir=" + pgDataDir,
                    "--estateguard.embedded-db.clean=" + !named,
                    "--spring.profiles.active=demo",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN"));
            if (PG_STATEMENTS) {
                // -Dbench.pg-statements=true: every statement's time and count, reset before each API step and
                // printed after it (what PostgreSQL spends per check, statement by statement).
                appArgs.add("--estateguard.embedded-db.settings[shared_preload_libraries]=pg_stat_statements");
                appArgs.add("--estateguard.embedded-db.settings[pg_stat_statements.track_planning]=on");
            }
            if (!cfg.fsync().isBlank()) {
                // The embedded PostgreSQL runs with fsync on unless told otherwise (the tests turn it off).
                appArgs.add("--estateguard.embedded-db.fsync=" + !cfg.fsync().equalsIgnoreCase("off"));
            }
            ctx = new SpringApplication(Application.class).run(appArgs.toArray(String[]::new));
            int port = ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            log("application up on 127.0.0.1:%d in %.1f s", port, (System.nanoTime() - t0) / 1e9);
            exit = new Run(cfg, ctx, port, pgDataDir).execute();
            log("whole run took %.0f s", (System.nanoTime() - t0) / 1e9);
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            if (jfr != null) {
                jfr.stop();
                jfr.close();
            }
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (RuntimeException e) {
                    e.printStackTrace();
                }
            }
            System.exit(exit);
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %6.1f s] " + format + "%n",
                prepend(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, args));
        System.out.flush();
    }

    // ------------------------------------------------------------------------------------------

    /** One demo person: what the terminal posts and what the check stores (read back after calibration). */
    record Person(String idNumber, String personKey, String requestTail, StoredCheck stored) {
    }

    /** Column values of a stored check for this person, replayed by the DB-only phase. */
    record StoredCheck(String personName, String idMasked, String evidence, String decision, String[] codes,
                       String reasons, long policyVersionId, String createdBy, List<FollowUp> followUps) {
    }

    record FollowUp(String kind, String[] codes) {
    }

    record Device(String key, long id, long estateId, long entranceId, String scope) {
    }

    record Throughput(String label, int concurrency, long count, long errors, double seconds, long[] latenciesNanos,
                      CpuUse cpu) {
        double rate() {
            return count / seconds;
        }
    }

    static final class Run {
        private final Config cfg;
        private final ConfigurableApplicationContext ctx;
        private final DataSource ds;
        private final PersonKeys personKeys;
        private final URI checksUri;
        private final HttpClient http;
        private final List<String> report = new ArrayList<>();
        private final Path pgDataDir;
        private Device device;
        private double othersBeforeStart = -1;
        private String apiWarmup = "?";
        private List<Person> people;

        Run(Config cfg, ConfigurableApplicationContext ctx, int port, Path pgDataDir) {
            this.cfg = cfg;
            this.ctx = ctx;
            this.ds = ctx.getBean(DataSource.class);
            this.personKeys = ctx.getBean(PersonKeys.class);
            this.pgDataDir = pgDataDir;
            this.checksUri = URI.create("http://127.0.0.1:" + port + "/api/v1/checks");
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        int execute() throws Exception {
            othersBeforeStart = othersPercentNow();
            if (othersBeforeStart > 15) {
                log("WARNING: other programs used %.0f %% of the CPU before the run - "
                        + "figures will be low (see the 'others' column)", othersBeforeStart);
            }
            device = loadDevice();
            if (cfg.reuseDb()) {
                freshenDemoHealth();
                // Whatever an earlier run left to the roll-up job is folded in now, not during a measured step.
                long t = System.nanoTime();
                Object rollups = ctx.getBean(Class.forName("com.estateguard.cockpit.internal.CheckRollupJob"));
                rollups.getClass().getMethod("catchUp").invoke(rollups);
                log("kept database: cockpit roll-ups caught up in %.1f s", (System.nanoTime() - t) / 1e9);
            }
            people = demoPeople();
            calibrate();
            if (cfg.prefillChecks() > 0) {
                long left = deadline - System.nanoTime();
                deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(3); // the fill's own time is not the run's
                report.add(new GatePrefill(ctx, ds, device, people).run(cfg.prefillChecks()));
                deadline = System.nanoTime() + left;
            }
            report.add(storedChecks());
            Map<String, String> settings = pgSettings();
            log("postgres: %s", settings);

            // ---- DB-only
            log("DB-only: warm-up %d s", cfg.warmupSeconds());
            dbOnly(8, cfg.warmupSeconds(), false);
            List<Throughput> db = new ArrayList<>();
            for (int k : cfg.dbThreads()) {
                Throughput r = dbOnly(k, cfg.stepSeconds(), false);
                db.add(r);
                log("DB-only  K=%-3d %8.0f checks/s  (errors %d)", k, r.rate(), r.errors());
            }
            Throughput dbBest = best(db);
            Throughput dbPreRead = null;
            if (cfg.preReadVariant()) {
                dbPreRead = dbOnly(dbBest.concurrency(), cfg.stepSeconds(), true);
                log("DB-only + idempotency pre-read K=%d %8.0f checks/s", dbBest.concurrency(), dbPreRead.rate());
            }

            // ---- API closed loop
            apiWarmUp();
            List<Throughput> apiRuns = new ArrayList<>();
            report.add("Checks coalesced into one commit (estateguard.gate.coalesce.enabled): "
                    + ctx.getEnvironment().getProperty("estateguard.gate.coalesce.enabled", "true")
                    + ", writers " + ctx.getEnvironment().getProperty("estateguard.gate.coalesce.writers", "1")
                    + ", max batch " + ctx.getEnvironment().getProperty("estateguard.gate.coalesce.max-batch", "64"));
            if (PG_STATEMENTS) {
                pgStatements(null);   // creates the extension
            }
            for (int c : cfg.apiConcurrency()) {
                if (PG_STATEMENTS) {
                    pgStatements(null);
                }
                long[] before = commitCounts();
                Throughput r = measuredApi(c, cfg.stepSeconds());
                long[] after = commitCounts();
                if (PG_STATEMENTS) {
                    pgStatements(r);
                }
                apiRuns.add(r);
                log("API      c=%-3d %8.0f checks/s  p50 %.1f ms  p99 %.1f ms  (errors %d)", c, r.rate(),
                        ms(pct(r.latenciesNanos(), 50)), ms(pct(r.latenciesNanos(), 99)), r.errors());
                if (after[0] > before[0]) {
                    String batches = String.format(Locale.ROOT, "API c=%d: %d commits of coalesced checks, %.2f checks per commit",
                            c, after[0] - before[0], (after[1] - before[1]) / (double) (after[0] - before[0]));
                    log("%s", batches);
                    report.add(batches);
                }
            }
            Throughput apiBest = best(apiRuns);

            // ---- open-loop latency at half the API peak
            double rate = apiBest.rate() * LATENCY_FRACTION;
            log("latency: open loop at %.0f req/s for %d s", rate, cfg.latencySeconds());
            OpenLoop ol = openLoop(rate, cfg.latencySeconds());

            report.add(rowSizes());
            printReport(settings, db, dbBest, dbPreRead, apiRuns, apiBest, ol);
            if (!cfg.poolSizes().isEmpty()) {
                poolExperiment(apiBest.concurrency());
            }
            long errors = db.stream().mapToLong(Throughput::errors).sum()
                    + apiRuns.stream().mapToLong(Throughput::errors).sum() + ol.errors;
            return errors == 0 ? 0 : 2;
        }

        // ---------------------------------------------------------------- setup

        private Device loadDevice() throws Exception {
            Field f = Class.forName("com.estateguard.demo.internal.DemoData").getDeclaredField("DEVICE_KEY");
            f.setAccessible(true);
            String key = (String) f.get(null);
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("""
                         SELECT k.id, k.estate_id, k.entrance_id, e.region_path
                           FROM iam_device_key k JOIN org_estate e ON e.id = k.estate_id
                          WHERE k.key_prefix = ? AND k.revoked_at IS NULL""")) {
                ps.setString(1, key.substring(3, 11));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("demo device key not found - is the demo data loaded?");
                    }
                    return new Device(key, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
                }
            }
        }

        /**
         * The ID numbers DemoData puts in the health registers, regenerated with the same seed and the
         * same sequence of draws (DemoData.people). Calibration checks that every one resolves.
         */
        private List<Person> demoPeople() throws Exception {
            Class<?> demo = Class.forName("com.estateguard.demo.internal.DemoData");
            int surnames = ((String[]) staticField(demo, "SURNAMES")).length;
            int given = ((String[]) staticField(demo, "GIVEN")).length;
            Random random = new Random(20220628);
            List<Person> list = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                random.nextInt(surnames);
                random.nextInt(given);
                LocalDate birth = LocalDate.of(1940 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String first17 = "320583" + birth.toString().replace("-", "") + String.format("%03d", i % 1000);
                String id = first17 + com.estateguard.common.IdNumber.checkChar(first17);
                random.nextInt(100); // NAT hours ago
                random.nextInt(100); // NAT positive
                if (random.nextInt(25) != 0) { // YELLOW, else maybe RED
                    random.nextInt(60);
                }
                // A terminal's reading: most people normal, a few with a fever (a refusal with a follow-up).
                String celsius = i % 50 == 7 ? "37.8" : "36." + (i % 8);
                String tail = "\",\"direction\":\"IN\",\"category\":\"RESIDENT\",\"emergency\":false,\"scannedCode\":\"HC:" + id + "\","
                        + "\"evidence\":{\"temperature\":{\"celsius\":" + celsius + ",\"method\":\"INFRARED_TERMINAL\"},"
                        + "\"credential\":{\"type\":\"ACCESS_CARD\",\"reference\":\"门禁卡\",\"verified\":true,\"accessControl\":true},"
                        + "\"answers\":{\"destination\":\"回家\",\"symptoms\":false},\"mask\":true}}";
                list.add(new Person(id, personKeys.keyOf(id), tail, null));
            }
            return list;
        }

        /**
         * A kept database (-Dbench.reuse-db=true) has the demo's health registers as of the day it was loaded: the NATs
         * (2-101 h old then) would have aged, and more checks be refused. Moves the registers' times forward so the
         * newest NAT is 2 h old again, as on the day of loading, so every run decides the same mix.
         */
        private void freshenDemoHealth() throws SQLException {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                try (ResultSet rs = st.executeQuery("""
                        SELECT extract(epoch FROM (now() - interval '2 hours') - max(sampled_at)) FROM health_nat_result""")) {
                    rs.next();
                    double seconds = rs.getDouble(1);
                    if (seconds > 60) {
                        st.executeUpdate("UPDATE health_nat_result SET sampled_at = sampled_at + make_interval(secs => " + seconds + ")");
                        st.executeUpdate("UPDATE health_code_status SET as_of = as_of + make_interval(secs => " + seconds + ")");
                        log("kept database: the demo's health registers moved forward by %.1f h", seconds / 3600);
                    }
                }
                c.commit();
            }
        }

        /** How many check records the table holds before the measured steps, and its size. */
        private String storedChecks() throws SQLException {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("""
                         SELECT (SELECT count(*) FROM access_check), sum(pg_total_relation_size(relid)),
                                (SELECT pg_total_relation_size('access_check_client'))
                           FROM pg_partition_tree('access_check') WHERE isleaf""")) {
                rs.next();
                String line = String.format(Locale.ROOT, "Stored check records before the measured steps: %,d "
                                + "(access_check with indexes %,d MB, access_check_client %,d MB; data directory %s%s)",
                        rs.getLong(1), rs.getLong(2) >> 20, rs.getLong(3) >> 20, pgDataDir, cfg.reuseDb() ? ", kept" : "");
                log("%s", line);
                return line;
            }
        }

        /**
         * The stored size of the last 10,000 check records the run wrote (issue 12 section 4, "a smaller row"): the
         * row as PostgreSQL stores it and its evidence column, both after compression, from {@code pg_column_size}.
         */
        private String rowSizes() throws SQLException {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("""
                         SELECT count(*), avg(pg_column_size(t.*)), avg(pg_column_size(t.evidence)),
                                avg(length(t.evidence::text)), avg(pg_column_size(access_check_evidence(t.evidence)))
                           FROM (SELECT * FROM access_check ORDER BY id DESC LIMIT 10000) t""")) {
                rs.next();
                return String.format(Locale.ROOT, "Stored size of the last %,d check records written: row %.0f B, "
                                + "evidence %.0f B (as text %.0f characters; the same evidence in the API's names, "
                                + "access_check_evidence, %.0f B)",
                        rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
            }
        }

        /** How much of the machine other programs use over 2 s while the benchmark is idle. */
        private double othersPercentNow() throws InterruptedException {
            CpuSnapshot before = CpuSnapshot.take(pgDataDir);
            Thread.sleep(2000);
            CpuUse use = CpuSnapshot.between(before, CpuSnapshot.take(pgDataDir), 0);
            return use == null ? -1 : Math.max(0, use.othersPercent());
        }

        private static Object staticField(Class<?> type, String name) throws ReflectiveOperationException {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(null);
        }

        /** One check per person through the API; the stored rows are what the DB-only phase replays. */
        private void calibrate() throws Exception {
            List<Person> calibrated = new ArrayList<>();
            Map<String, Integer> verdicts = new LinkedHashMap<>();
            try (Connection c = ds.getConnection()) {
                for (Person p : people) {
                    UUID clientId = clientId();
                    HttpResponse<String> res = http.send(request(clientId, p), HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() != 201) {
                        throw new IllegalStateException("calibration: HTTP " + res.statusCode() + " for " + p.idNumber()
                                + " (demo ID numbers not reproduced?): " + res.body());
                    }
                    StoredCheck stored = readBack(c, clientId);
                    verdicts.merge(stored.decision(), 1, Integer::sum);
                    calibrated.add(new Person(p.idNumber(), p.personKey(), p.requestTail(), stored));
                }
            }
            people = List.copyOf(calibrated);
            long followUps = people.stream().mapToLong(p -> p.stored().followUps().size()).sum();
            log("calibration: %d demo people resolved through HC:<id>; verdicts %s; %d follow-ups per %d checks",
                    people.size(), verdicts, followUps, people.size());
            report.add(String.format(Locale.ROOT, "Request mix: %d demo people (HC:<id> scanned), verdicts %s, "
                    + "%.1f follow-up inserts per 100 checks; client ids %s", people.size(), verdicts, 100.0 * followUps / people.size(),
                    CLIENT_IDS_V7 ? "time-ordered (UUID version 7, -Dbench.client-ids=v7)" : "random (UUID version 4)"));
        }

        private StoredCheck readBack(Connection c, UUID clientId) throws SQLException {
            long checkId;
            StoredCheck s;
            // Through the client id's table (V152): access_check has no index on client_id, and may hold millions (prefill).
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT c.id, c.person_name, c.id_masked, c.evidence::text, c.decision, c.reason_codes, c.reasons::text,
                           c.policy_version_id, c.created_by
                      FROM access_check_client k
                      JOIN access_check c ON c.id = k.check_id AND c.estate_id = k.estate_id AND c.occurred_at = k.occurred_at
                     WHERE k.client_id = ? AND k.estate_id = ?""")) {
                ps.setObject(1, clientId);
                ps.setLong(2, device.estateId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    checkId = rs.getLong(1);
                    s = new StoredCheck(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            (String[]) rs.getArray(6).getArray(), rs.getString(7), rs.getLong(8), rs.getString(9), List.of());
                }
            }
            List<FollowUp> followUps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT kind, reason_codes FROM access_follow_up WHERE check_id = ? ORDER BY id")) {
                ps.setLong(1, checkId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        followUps.add(new FollowUp(rs.getString(1), (String[]) rs.getArray(2).getArray()));
                    }
                }
            }
            return new StoredCheck(s.personName(), s.idMasked(), s.evidence(), s.decision(), s.codes(), s.reasons(),
                    s.policyVersionId(), s.createdBy(), List.copyOf(followUps));
        }

        private Map<String, String> pgSettings() throws SQLException {
            Map<String, String> m = new LinkedHashMap<>();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                for (String name : List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method",
                        "full_page_writes", "shared_buffers", "max_connections")) {
                    try (ResultSet rs = st.executeQuery("SHOW " + name)) {
                        rs.next();
                        m.put(name, rs.getString(1));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM health_code_status")) {
                    rs.next();
                    m.put("health_code_status rows", rs.getString(1));
                }
            }
            if (!"on".equals(m.get("synchronous_commit"))) {
                throw new IllegalStateException("synchronous_commit is not on: " + m);
            }
            return m;
        }

        // ---------------------------------------------------------------- DB-only

        private Throughput dbOnly(int threads, int seconds, boolean preRead) throws InterruptedException {
            return closedLoop("DB-only", threads, seconds, () -> {
                Person p = people.get(ThreadLocalRandom.current().nextInt(people.size()));
                try {
                    dbCheck(p, preRead);
                    return true;
                } catch (SQLException e) {
                    System.err.println("DB-only check failed: " + e);
                    return false;
                }
            });
        }

        /** The database work of one check (CheckRecorder.record for a terminal), in one transaction. */
        private void dbCheck(Person p, boolean preRead) throws SQLException {
            StoredCheck s = p.stored();
            UUID clientId = clientId();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (preRead) {
                        try (PreparedStatement ps = c.prepareStatement(BY_CLIENT_ID_SQL)) {
                            ps.setObject(1, clientId);
                            try (ResultSet rs = ps.executeQuery()) {
                                if (rs.next()) {
                                    throw new IllegalStateException("client id taken");
                                }
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(CODE_NAT_SQL)) {
                        ps.setString(1, p.personKey());
                        ps.setString(2, p.personKey());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new IllegalStateException("no code status");
                            }
                            rs.getString(1);
                            rs.getString(2);
                            rs.getString(3);
                            rs.getTimestamp(4);
                            rs.getTimestamp(5);
                            rs.getString(6);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(RECOVERY_SQL)) {
                        ps.setLong(1, device.estateId());
                        ps.setString(2, p.personKey());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rs.getLong(1);
                            }
                        }
                    }
                    long checkId;
                    Timestamp at = Timestamp.from(Instant.now());
                    try (PreparedStatement ps = c.prepareStatement(INSERT_SQL)) {
                        ps.setObject(1, clientId);
                        ps.setLong(2, device.estateId());
                        ps.setTimestamp(3, at);
                        ps.setObject(4, clientId);
                        ps.setLong(5, device.estateId());
                        ps.setLong(6, device.entranceId());
                        ps.setNull(7, java.sql.Types.BIGINT);
                        ps.setLong(8, device.id());
                        ps.setTimestamp(9, at);
                        ps.setString(10, "IN");
                        ps.setString(11, "RESIDENT");
                        ps.setString(12, s.personName());
                        ps.setString(13, p.personKey());
                        ps.setString(14, s.idMasked());
                        ps.setNull(15, java.sql.Types.OTHER);
                        ps.setNull(16, java.sql.Types.VARCHAR);
                        ps.setString(17, s.evidence());
                        ps.setString(18, s.decision());
                        ps.setObject(19, s.codes());
                        ps.setString(20, s.reasons());
                        ps.setLong(21, s.policyVersionId());
                        ps.setString(22, s.createdBy());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new IllegalStateException("insert conflicted");
                            }
                            checkId = rs.getLong(1);
                        }
                    }
                    for (FollowUp f : s.followUps()) {
                        try (PreparedStatement ps = c.prepareStatement(FOLLOW_UP_SQL)) {
                            ps.setLong(1, checkId);
                            ps.setLong(2, device.estateId());
                            ps.setTimestamp(3, at);
                            ps.setString(4, f.kind());
                            ps.setObject(5, f.codes());
                            ps.setString(6, s.createdBy());
                            ps.executeUpdate();
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e instanceof SQLException se ? se : new SQLException(e);
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }

        // ---------------------------------------------------------------- API

        private HttpRequest request(UUID clientId, Person p) {
            String body = "{\"clientId\":\"" + clientId + p.requestTail();
            return HttpRequest.newBuilder(checksUri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-Api-Key", device.key())
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        }

        private boolean postOne() {
            Person p = people.get(ThreadLocalRandom.current().nextInt(people.size()));
            try {
                HttpResponse<Void> res = http.send(request(clientId(), p), HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() != 201) {
                    System.err.println("API check: HTTP " + res.statusCode());
                    return false;
                }
                return true;
            } catch (IOException e) {
                System.err.println("API check failed: " + e);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /**
         * The web stack is JIT-compiled only once requests arrive, and on 2 cores the compiler threads stay
         * busy for 30-60 s. Warm up in 5 s slices until they use less than 5 % of the machine (at least
         * bench.api-warmup-seconds, at most bench.api-warmup-max-seconds).
         */
        private void apiWarmUp() throws InterruptedException {
            long start = System.nanoTime();
            double jitPercent = 100;
            while (true) {
                Throughput slice = api(16, 5);
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (slice.cpu() != null) {
                    jitPercent = 100.0 * slice.cpu().micros().getOrDefault("jit", 0L) / Math.max(1, slice.cpu().machineMicros());
                }
                log("API warm-up %3.0f s: %5.0f checks/s, JIT compiler %4.1f %% of the machine", elapsed, slice.rate(),
                        jitPercent);
                if (elapsed >= cfg.apiWarmupMaxSeconds() || (elapsed >= cfg.apiWarmupSeconds() && jitPercent < 5)) {
                    apiWarmup = String.format(Locale.ROOT, "%.0f s (JIT at %.1f %% at the end)", elapsed, jitPercent);
                    return;
                }
            }
        }

        /** The coalescing writer's batches and checks so far ({@code CheckCommits.counts}, package-private), or zeros. */
        private long[] commitCounts() {
            try {
                Object commits = ctx.getBean(Class.forName("com.estateguard.access.internal.CheckCommits"));
                java.lang.reflect.Method counts = commits.getClass().getDeclaredMethod("counts");
                counts.setAccessible(true);
                return (long[]) counts.invoke(commits);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        /**
         * Without a step: resets pg_stat_statements. After a step: its statements by total time (execution plus
         * planning), with calls and microseconds per check of the step. Times are PostgreSQL's wall time in the
         * statement (waits included), not CPU; COMMIT's is mostly the WAL flush.
         */
        private void pgStatements(Throughput step) {
            try (Connection c = ds.getConnection(); var st = c.createStatement()) {
                if (step == null) {
                    st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    st.execute("SELECT pg_stat_statements_reset()");
                    return;
                }
                long checks = Math.max(1, step.count());
                StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                        "PostgreSQL statements during API c=%d (%d checks), by total time (pg_stat_statements):%n"
                                + "  %9s %8s %9s %9s %9s  %s%n", step.concurrency(), checks,
                        "calls", "/check", "exec µs", "plan µs", "µs/check", "statement"));
                try (var rs = st.executeQuery("SELECT calls, total_exec_time, total_plan_time, regexp_replace(query, '\\s+', ' ', 'g') "
                        + "FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 20")) {
                    while (rs.next()) {
                        long calls = rs.getLong(1);
                        double exec = rs.getDouble(2) * 1000, plan = rs.getDouble(3) * 1000;
                        String q = rs.getString(4);
                        out.append(String.format(Locale.ROOT, "  %9d %8.3f %9.1f %9.1f %9.1f  %s%n", calls,
                                calls / (double) checks, exec / Math.max(1, calls), plan / Math.max(1, calls),
                                (exec + plan) / checks, q.length() > 160 ? q.substring(0, 160) + "…" : q));
                    }
                }
                log("%s", out);
                report.add(out.toString());
            } catch (SQLException e) {
                log("pg_stat_statements unavailable: %s", e.getMessage());
            }
        }

        private Throughput api(int concurrency, int seconds) throws InterruptedException {
            return closedLoop("API", concurrency, seconds, this::postOne);
        }

        private GateWrk wrk;
        private volatile GateSocketClient socketClient;

        /** {@link #postOne} through {@link GateSocketClient}: the open loop's client with the lean generator. */
        private boolean postOneOverSocket() {
            if (socketClient == null) {
                synchronized (this) {
                    if (socketClient == null) {
                        socketClient = new GateSocketClient(checksUri.getHost(), checksUri.getPort(), checksUri.getPath(), device.key());
                    }
                }
            }
            Person p = people.get(ThreadLocalRandom.current().nextInt(people.size()));
            int status = socketClient.post(clientId(), p.requestTail());
            if (status != 201) {
                System.err.println("API check over socket: HTTP " + status);
                return false;
            }
            return true;
        }

        /** A measured closed-loop step: from this JVM, or from wrk (-Dbench.generator=wrk). */
        private Throughput measuredApi(int concurrency, int seconds) throws Exception {
            if (!cfg.wrk()) {
                return api(concurrency, seconds);
            }
            if (wrk == null) {
                report.add("API closed-loop steps driven by " + wrk() + " (load-gen = wrk's CPU; p50/p99 are wrk's)");
            }
            return wrk().step(concurrency, seconds, pgDataDir, () -> commitCounts()[1]);
        }

        /** wrk with this run's people and key, its scripts written on first use. */
        private GateWrk wrk() throws IOException {
            if (wrk == null) {
                String missing = GateWrk.unavailable();
                if (missing != null) {
                    throw new IllegalStateException(missing);
                }
                wrk = GateWrk.prepare(people, device.key(), checksUri.toString());
            }
            return wrk;
        }

        /**
         * Optional (-Dbench.pool-sizes=20,6): the API at its peak concurrency with the connection pool
         * resized at run time, alternating sizes in rounds so that both see the same machine.
         */
        private void poolExperiment(int concurrency) throws InterruptedException {
            if (!(ds instanceof com.zaxxer.hikari.HikariDataSource hikari)) {
                log("pool experiment needs a HikariDataSource");
                return;
            }
            Map<Integer, List<Throughput>> bySize = new LinkedHashMap<>();
            for (int round = 0; round < 3; round++) {
                for (int size : cfg.poolSizes()) {
                    hikari.setMaximumPoolSize(size);
                    hikari.setMinimumIdle(size);
                    hikari.getHikariPoolMXBean().softEvictConnections(); // reconnect up to the new size
                    api(concurrency, 2); // let the pool settle
                    Throughput r = api(concurrency, 8);
                    bySize.computeIfAbsent(size, k -> new ArrayList<>()).add(r);
                    log("pool %2d, c=%d: %6.0f checks/s, postgres %4.0f us/check, server %4.0f us/check", size,
                            concurrency, r.rate(), r.cpu() == null ? 0 : r.cpu().perCheck("postgres"),
                            r.cpu() == null ? 0 : r.cpu().perCheck("server"));
                }
            }
            StringBuilder out = new StringBuilder("Pool size experiment (API c=" + concurrency + ", 3 rounds x 8 s):\n");
            bySize.forEach((size, runs) -> {
                double[] rates = runs.stream().mapToDouble(Throughput::rate).sorted().toArray();
                double pg = runs.stream().filter(r -> r.cpu() != null).mapToDouble(r -> r.cpu().perCheck("postgres"))
                        .average().orElse(0);
                double server = runs.stream().filter(r -> r.cpu() != null).mapToDouble(r -> r.cpu().perCheck("server"))
                        .average().orElse(0);
                long[] lat = runs.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).sorted().toArray();
                out.append(String.format(Locale.ROOT, "  pool %2d: median %6.0f checks/s (min %.0f, max %.0f), p99 %.1f ms, "
                                + "postgres %.0f us/check, server %.0f us/check%n", size, rates[rates.length / 2], rates[0],
                        rates[rates.length - 1], ms(pct(lat, 99)), pg, server));
            });
            System.out.print(out);
            try {
                Files.writeString(Path.of("target", "gate-benchmark.txt"), out.toString(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("could not append to target/gate-benchmark.txt: " + e);
            }
        }

        // ---------------------------------------------------------------- closed loop driver

        interface Op {
            boolean run();
        }

        private Throughput closedLoop(String label, int threads, int seconds, Op op) throws InterruptedException {
            CpuSnapshot cpuBefore = CpuSnapshot.take(pgDataDir);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long[][] lat = new long[threads][];
            int[] counts = new int[threads];
            long[] errors = new long[threads];
            AtomicLong lastDone = new AtomicLong(start);
            CountDownLatch done = new CountDownLatch(threads);
            CountDownLatch release = new CountDownLatch(1); // workers stay alive until their CPU time is read
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                Thread th = new Thread(() -> {
                    long[] mine = new long[8192];
                    int n = 0;
                    long err = 0;
                    long now = System.nanoTime();
                    while (now < end) {
                        long s = now;
                        boolean ok = op.run();
                        now = System.nanoTime();
                        if (ok) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = now - s;
                        } else {
                            err++;
                        }
                    }
                    lat[me] = mine;
                    counts[me] = n;
                    errors[me] = err;
                    lastDone.accumulateAndGet(now, Math::max);
                    done.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, label + "-" + t);
                workers.add(th);
                th.start();
            }
            done.await();
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int pos = 0;
            for (int t = 0; t < threads; t++) {
                System.arraycopy(lat[t], 0, all, pos, counts[t]);
                pos += counts[t];
            }
            Arrays.sort(all);
            CpuUse cpu = CpuSnapshot.between(cpuBefore, CpuSnapshot.take(pgDataDir), total);
            release.countDown();
            for (Thread worker : workers) {
                worker.join(); // gone before the next step's first CPU reading
            }
            return new Throughput(label, threads, total, Arrays.stream(errors).sum(),
                    (lastDone.get() - start) / 1e9, all, cpu);
        }

        private static Throughput best(List<Throughput> runs) {
            return runs.stream().max((a, b) -> Double.compare(a.rate(), b.rate())).orElseThrow();
        }

        // ---------------------------------------------------------------- open loop

        /** The GC events of this JVM while open: how many, their summed and longest duration, by collector action. */
        static final class GcPauses implements AutoCloseable {
            private final List<Runnable> removals = new ArrayList<>();
            private final Map<String, long[]> byAction = new java.util.concurrent.ConcurrentSkipListMap<>();

            GcPauses() {
                for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                    if (bean instanceof javax.management.NotificationEmitter emitter) {
                        javax.management.NotificationListener listener = (notification, handback) -> {
                            if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                    .equals(notification.getType())) {
                                return;
                            }
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (javax.management.openmbean.CompositeData) notification.getUserData());
                            long ms = info.getGcInfo().getDuration();
                            byAction.compute(info.getGcName() + " " + info.getGcAction() + " (" + info.getGcCause() + ")",
                                    (k, v) -> v == null ? new long[] {1, ms, ms} : new long[] {v[0] + 1, v[1] + ms, Math.max(v[2], ms)});
                        };
                        emitter.addNotificationListener(listener, null, null);
                        removals.add(() -> {
                            try {
                                emitter.removeNotificationListener(listener);
                            } catch (javax.management.ListenerNotFoundException ignored) {
                                // gone already
                            }
                        });
                    }
                }
            }

            @Override
            public void close() {
                removals.forEach(Runnable::run);
            }

            @Override
            public String toString() {
                if (byAction.isEmpty()) {
                    return "none";
                }
                StringBuilder sb = new StringBuilder();
                byAction.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                        "%s: %d, %d ms in all, longest %d ms", k, v[0], v[1], v[2])));
                return sb.toString();
            }
        }

        /** stalls: {@link #stalls}, or empty when the loop ran in a JVM of its own. */
        record OpenLoop(double targetRate, double achievedRate, int scheduled, long errors, long[] latenciesNanos,
                        long maxDispatchLagNanos, CpuUse cpu, String stalls) {
        }

        /**
         * Whether the tail is stalls (many requests due at about the same time, all slow) or slow single requests: the
         * tenths of a second (by the time requests were due) holding a request over 20 ms, and the median share of such
         * a tenth's requests that were over 20 ms. About 110 requests are due in a tenth at 1,100 requests/s; a stall
         * of 40 ms makes some 40 % of its tenth slow, a lone slow request under 1 %.
         */
        static String stalls(long interval, long[] latency, boolean[] ok) {
            long window = TimeUnit.MILLISECONDS.toNanos(100);
            long slowNanos = TimeUnit.MILLISECONDS.toNanos(20);
            int windows = (int) ((long) latency.length * interval / window) + 1;
            int[] total = new int[windows];
            int[] slow = new int[windows];
            long slowAll = 0;
            for (int i = 0; i < latency.length; i++) {
                int w = (int) ((long) i * interval / window);
                total[w]++;
                if (ok[i] && latency[i] > slowNanos) {
                    slow[w]++;
                    slowAll++;
                }
            }
            int used = 0;
            List<Double> shares = new ArrayList<>();
            for (int w = 0; w < windows; w++) {
                if (total[w] > 0) {
                    used++;
                    if (slow[w] > 0) {
                        shares.add((double) slow[w] / total[w]);
                    }
                }
            }
            Collections.sort(shares);
            double median = shares.isEmpty() ? 0 : shares.get(shares.size() / 2);
            return String.format(Locale.ROOT, "requests over 20 ms: %d (%.1f %%), in %d of the %d tenths of a second; "
                    + "in those, a median %.0f %% of the tenth's requests were over 20 ms", slowAll,
                    100.0 * slowAll / Math.max(1, latency.length), shares.size(), used, 100 * median);
        }

        /**
         * Requests are due at fixed intervals; each one's latency runs from when it was due, so a
         * slow response that holds up later sends still counts against those later requests.
         */
        private OpenLoop openLoop(double rate, int seconds) throws Exception {
            Instant from = Instant.now();
            GcPauses gc = new GcPauses();
            OpenLoop ol;
            try {
                ol = cfg.openLoopWrk() ? wrk().openLoop(rate, seconds, cfg.openLoopConnections(), pgDataDir)
                        : cfg.separateLoadJvm() ? openLoopElsewhere(rate, seconds) : openLoopHere(rate, seconds);
            } finally {
                gc.close();
            }
            report.add(String.format(Locale.ROOT, "Open loop %s, from %s to %s (for filtering a JFR recording)",
                    cfg.openLoopWrk() ? "from wrk, a process of its own (-Dbench.open-loop=wrk, " + cfg.openLoopConnections()
                            + " connections)" : cfg.separateLoadJvm() ? "in a JVM of its own (-Dbench.load-jvm=separate, " + loadJvmOpts() + ")"
                            : cfg.wrk() ? "in the benchmark's JVM, through a minimal socket client (GateSocketClient, with"
                            + " -Dbench.generator=wrk)" : "in the benchmark's JVM", from, Instant.now()));
            report.add(String.format(Locale.ROOT, "  GC in the server's JVM during the open loop: %s; heap max %d MB, "
                    + "JVM flags %s", gc, Runtime.getRuntime().maxMemory() >> 20,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
            return ol;
        }

        private static String loadJvmOpts() {
            return System.getProperty("bench.load-jvm-opts", "-Xms256m -Xmx256m");
        }

        /** The open loop in a JVM of its own (GateLoadGenerator): 10 s at the same rate first, then the measured seconds. */
        private OpenLoop openLoopElsewhere(double rate, int seconds) throws Exception {
            Path tails = Files.createTempFile("gate-tails", ".txt");
            Path out = Files.createTempFile("gate-load", ".txt");
            Files.write(tails, people.stream().map(Person::requestTail).toList(), StandardCharsets.UTF_8);
            String classes = Path.of(GateLoadGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(loadJvmOpts().trim().split("\\s+")));
            command.addAll(List.of("-cp", classes, GateLoadGenerator.class.getName(), checksUri.toString(), device.key(),
                    tails.toString(), String.valueOf(rate), "10", String.valueOf(seconds), out.toString()));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var childOut = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String said;
            while ((said = childOut.readLine()) != null && !said.startsWith("measuring")) {
                log("load generator: %s", said); // its warm-up at the same rate, not measured
            }
            CpuSnapshot cpuBefore = CpuSnapshot.take(pgDataDir);
            if (!child.waitFor(seconds + 90L, TimeUnit.SECONDS) || child.exitValue() != 0) {
                child.destroyForcibly();
                throw new IllegalStateException("load generator failed");
            }
            CpuSnapshot cpuAfter = CpuSnapshot.take(pgDataDir);
            List<String> lines = Files.readAllLines(out);
            String[] head = lines.get(0).split(" ");
            int n = Integer.parseInt(head[2]);
            CpuUse cpu = CpuSnapshot.between(cpuBefore, cpuAfter, n);
            if (cpu != null) { // the generator's CPU over its measured seconds is its, not "others"
                long childMicros = Long.parseLong(head[4]) / 1000;
                cpu.micros().merge("load-gen", childMicros, Long::sum);
                cpu.micros().merge("others", -childMicros, Long::sum);
            }
            long[] good = new long[n];
            int g = 0;
            long errors = 0;
            for (int i = 1; i <= n; i++) {
                String[] f = lines.get(i).split(" ");
                if (f[1].equals("1")) {
                    good[g++] = Long.parseLong(f[0]);
                } else {
                    errors++;
                }
            }
            long[] sorted = Arrays.copyOf(good, g);
            Arrays.sort(sorted);
            Files.deleteIfExists(tails);
            Files.deleteIfExists(out);
            return new OpenLoop(rate, n / (Long.parseLong(head[3]) / 1e9), n, errors, sorted, Long.parseLong(head[1]), cpu, "");
        }

        private OpenLoop openLoopHere(double rate, int seconds) throws InterruptedException {
            int n = (int) Math.round(rate * seconds);
            long interval = (long) (1e9 / rate);
            long[] latency = new long[n];
            boolean[] ok = new boolean[n];
            AtomicLong threadNo = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(64, r -> new Thread(r, "bench-ol-" + threadNo.incrementAndGet()));
            CpuSnapshot cpuBefore = CpuSnapshot.take(pgDataDir);
            CountDownLatch done = new CountDownLatch(n);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            long maxLag = 0;
            for (int i = 0; i < n; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                maxLag = Math.max(maxLag, -wait);
                int idx = i;
                pool.execute(() -> {
                    ok[idx] = cfg.wrk() ? postOneOverSocket() : postOne();
                    latency[idx] = System.nanoTime() - due;
                    done.countDown();
                });
            }
            done.await(60, TimeUnit.SECONDS);
            long finished = System.nanoTime();
            CpuUse cpu = CpuSnapshot.between(cpuBefore, CpuSnapshot.take(pgDataDir), n);
            pool.shutdownNow();
            writeLatencyCsv(interval, latency, ok);
            long errors = 0;
            long[] good = new long[n];
            int g = 0;
            for (int i = 0; i < n; i++) {
                if (ok[i]) {
                    good[g++] = latency[i];
                } else {
                    errors++;
                }
            }
            long[] sorted = Arrays.copyOf(good, g);
            Arrays.sort(sorted);
            return new OpenLoop(rate, n / ((finished - start) / 1e9), n, errors, sorted, maxLag, cpu, stalls(interval, latency, ok));
        }

        /** Per request: seconds since the start it was due at, latency in ms; for looking at stalls over time. */
        private static void writeLatencyCsv(long interval, long[] latency, boolean[] ok) {
            StringBuilder csv = new StringBuilder("due_s,latency_ms,ok\n");
            for (int i = 0; i < latency.length; i++) {
                csv.append(String.format(Locale.ROOT, "%.4f,%.3f,%b%n", i * interval / 1e9, latency[i] / 1e6, ok[i]));
            }
            try {
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "gate-latency.csv"), csv);
            } catch (IOException e) {
                System.err.println("could not write target/gate-latency.csv: " + e);
            }
        }

        // ---------------------------------------------------------------- report

        private void printReport(Map<String, String> pg, List<Throughput> db, Throughput dbBest, Throughput dbPreRead,
                                 List<Throughput> apiRuns, Throughput apiBest, OpenLoop ol) throws IOException {
            StringBuilder out = new StringBuilder();
            String line = "-".repeat(78) + "\n";
            out.append("\n").append(line);
            out.append(String.format(Locale.ROOT, "EstateGuard gate benchmark  %s%n", Instant.now()));
            out.append(String.format(Locale.ROOT, "Machine: %d CPUs, JVM %s, max heap %d MB%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                    Runtime.getRuntime().maxMemory() >> 20));
            out.append(String.format(Locale.ROOT, "Machine probe (SHA-256 of 64 MB on one thread, best of 3): %.0f ms before the run, "
                    + "%.0f ms now (one core's speed; the DB-only control measures the whole machine)%n", probeBefore, machineProbeMillis()));
            out.append(String.format(Locale.ROOT, "PostgreSQL: %s%n", pg));
            out.append(String.format(Locale.ROOT, "Database: the application's embedded PostgreSQL, fsync %s (%s)%n",
                    pg.get("fsync"), cfg.fsync().isBlank() ? "as configured" : "-Dbench.fsync=" + cfg.fsync()));
            out.append(String.format(Locale.ROOT, "Steps: DB warm-up %d s, API warm-up %s, %d s per step, latency %d s; "
                    + "other programs before start %.0f %% CPU%n", cfg.warmupSeconds(), apiWarmup, cfg.stepSeconds(),
                    cfg.latencySeconds(), othersBeforeStart));
            report.forEach(r -> out.append(r).append("\n"));
            out.append(line);
            out.append(String.format(Locale.ROOT, "%-44s %6s %10s %8s %8s %6s%n", "phase", "conc", "checks/s", "p50 ms",
                    "p99 ms", "errors"));
            for (Throughput r : db) {
                out.append(row("DB-only (3 statements + commit)", r));
            }
            if (dbPreRead != null) {
                out.append(row("DB-only + byClientId pre-read", dbPreRead));
            }
            for (Throughput r : apiRuns) {
                out.append(row("API POST /api/v1/checks (closed loop)", r));
            }
            out.append(line);
            double ratio = apiBest.rate() / dbBest.rate();
            out.append(String.format(Locale.ROOT, "DB-only best:  %8.0f checks/s (K=%d)%n", dbBest.rate(), dbBest.concurrency()));
            out.append(String.format(Locale.ROOT, "API peak:      %8.0f checks/s (c=%d)%n", apiBest.rate(), apiBest.concurrency()));
            out.append(String.format(Locale.ROOT, "API / DB-only: %8.1f %%   target >= 60 %%  -> %s%n", 100 * ratio,
                    ratio >= 0.60 ? "MET" : "MISSED"));
            if (dbPreRead != null) {
                out.append(String.format(Locale.ROOT, "API / DB-only incl. pre-read: %.1f %%%n",
                        100 * apiBest.rate() / dbPreRead.rate()));
            }
            long[] l = ol.latenciesNanos();
            out.append(String.format(Locale.ROOT,
                    "Open loop at %.0f req/s (%s) for %d s: %d requests, achieved %.0f req/s, errors %d%n",
                    ol.targetRate(), LATENCY_FRACTION == 0.5 ? "half of peak"
                            : String.format(Locale.ROOT, "%.2f of the peak; the targets apply at half of it", LATENCY_FRACTION),
                    cfg.latencySeconds(), ol.scheduled(), ol.achievedRate(), ol.errors()));
            out.append(String.format(Locale.ROOT,
                    "  latency from scheduled send: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
                    ms(pct(l, 50)), ms(pct(l, 90)), ms(pct(l, 99)), ms(pct(l, 99.9)), ms(l.length == 0 ? 0 : l[l.length - 1])));
            // Issue 12 section 4 tightened the p99 target from 50 ms to 20 ms; both are printed, the old one for comparison.
            out.append(String.format(Locale.ROOT, "  max dispatcher lag %.2f ms;  p99 target < 20 ms (issue 12) -> %s;  < 50 ms (before) -> %s%n",
                    ms(ol.maxDispatchLagNanos()), ms(pct(l, 99)) < 20 ? "MET" : "MISSED", ms(pct(l, 99)) < 50 ? "MET" : "MISSED"));
            if (!ol.stalls().isEmpty()) {
                out.append("  ").append(ol.stalls()).append(cfg.openLoopWrk() ? "\n" : " (each request: target/gate-latency.csv)\n");
            }
            out.append(line);
            out.append("CPU time per check in microseconds (from /proc; 2 cores = 2,000,000 us per second):\n");
            out.append(String.format(Locale.ROOT, "%-22s %8s %8s %7s %7s %7s %8s %7s %8s %6s %7s%n", "step", "server", "load-gen",
                    "JVM GC", "JVM JIT", "JVM oth", "postgres", "others", "total", "busy%", "ctxsw"));
            for (Throughput r : db) {
                out.append(cpuRow("DB-only K=" + r.concurrency(), r.cpu()));
            }
            if (dbPreRead != null) {
                out.append(cpuRow("DB-only+pre-read K=" + dbPreRead.concurrency(), dbPreRead.cpu()));
            }
            for (Throughput r : apiRuns) {
                out.append(cpuRow("API c=" + r.concurrency(), r.cpu()));
            }
            out.append(cpuRow("API open loop", ol.cpu()));
            for (Throughput r : apiRuns) {
                out.append(pgRow("API c=" + r.concurrency(), r.cpu()));
            }
            double othersMax = java.util.stream.Stream.concat(java.util.stream.Stream.concat(db.stream(), apiRuns.stream())
                            .map(Throughput::cpu), java.util.stream.Stream.of(ol.cpu()))
                    .filter(java.util.Objects::nonNull).mapToDouble(CpuUse::othersPercent).max().orElse(0);
            out.append(String.format(Locale.ROOT, "Other programs used at most %.1f %% of the machine during a measured step%s%n",
                    othersMax, othersMax > 5 ? "  <-- WARNING: figures disturbed, run again on a quiet machine" : ""));
            for (Throughput r : apiRuns) {
                if (r.cpu() != null) {
                    // Issue 12 section 4: at most 0.6 ms of CPU per check, the server's threads and PostgreSQL.
                    double perCheck = r.cpu().perCheck("server") + r.cpu().perCheck("postgres");
                    out.append(String.format(Locale.ROOT, "API c=%-3d server + PostgreSQL %4.0f µs per check: target <= 600 µs (issue 12) -> %s%n",
                            r.concurrency(), perCheck, perCheck <= 600 ? "MET" : "MISSED"));
                }
            }
            if (dbBest.cpu() != null && apiBest.cpu() != null) {
                double dbDedicated = dbBest.cpu().dedicatedRate();
                double apiDedicated = apiBest.cpu().dedicatedRate();
                if (Double.isNaN(dbDedicated) || Double.isNaN(apiDedicated)) {
                    // A step that left the machine partly idle says nothing about a dedicated machine's rate.
                    out.append("CPU-normalised rates: not computed, a step used less than 90 % of the machine\n");
                } else {
                    out.append(String.format(Locale.ROOT, "CPU-normalised (machine to ourselves, from CPU time per check): "
                                    + "DB-only %.0f/s, API %.0f/s, ratio %.1f %%%n", dbDedicated, apiDedicated,
                            100 * apiDedicated / dbDedicated));
                }
            }
            out.append("  server = Tomcat worker/poller threads (filters, MVC, Jackson, validation, CheckRecorder, JDBC);\n"
                    + "  load-gen = benchmark threads (HttpClient or JDBC client loop); postgres = postmaster + backends;\n"
                    + "  others = the rest of the machine (other programs, interrupts) - should be near 0 for valid figures;\n"
                    + "  ctxsw = context switches on the machine per check\n");
            out.append(line);
            System.out.print(out);
            System.out.flush();
            Path file = Path.of("target", "gate-benchmark.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
            log("results also written to %s", file.toAbsolutePath());
        }

        private static String cpuRow(String label, CpuUse c) {
            if (c == null) {
                return String.format(Locale.ROOT, "%-22s (no /proc)%n", label);
            }
            return String.format(Locale.ROOT, "%-22s %8.0f %8.0f %7.0f %7.0f %7.0f %8.0f %7.0f %8.0f %6.0f %7.1f%n", label,
                    c.perCheck("server"), c.perCheck("load-gen"), c.perCheck("gc"), c.perCheck("jit"),
                    c.perCheck("jvm-other"), c.perCheck("postgres"), c.perCheck("others"), c.totalPerCheck(),
                    c.busyPercent(), c.contextSwitchesPerCheck());
        }

        /** PostgreSQL's CPU per check by process: the backends (the statements), the WAL writer, autovacuum, … */
        private static String pgRow(String label, CpuUse c) {
            if (c == null) {
                return "";
            }
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  postgres by process, %s:", label));
            c.micros().forEach((k, v) -> {
                if (k.startsWith("pg.") && v > 0) {
                    b.append(String.format(Locale.ROOT, " %s %.0f", k.substring(3), c.perCheck(k)));
                }
            });
            return b.append(" µs per check\n").toString();
        }

        private static String row(String label, Throughput r) {
            return String.format(Locale.ROOT, "%-44s %6d %10.0f %8.2f %8.2f %6d%n", label, r.concurrency(), r.rate(),
                    ms(pct(r.latenciesNanos(), 50)), ms(pct(r.latenciesNanos(), 99)), r.errors());
        }
    }

    /** CPU used over a step, by consumer, in microseconds, and how busy the whole machine was. */
    record CpuUse(Map<String, Long> micros, long checks, double busyPercent, long machineMicros, long contextSwitches) {
        double contextSwitchesPerCheck() {
            return checks == 0 ? 0 : contextSwitches / (double) checks;
        }

        double othersPercent() {
            return 100.0 * micros.getOrDefault("others", 0L) / Math.max(1, machineMicros);
        }

        double perCheck(String group) {
            return checks == 0 ? 0 : micros.getOrDefault(group, 0L) / (double) checks;
        }

        double totalPerCheck() {
            // The "pg." entries break "postgres" down by process: not counted twice.
            return checks == 0 ? 0 : micros.entrySet().stream().filter(e -> !e.getKey().startsWith("pg."))
                    .mapToLong(Map.Entry::getValue).sum() / (double) checks;
        }

        /**
         * Checks/s this step would reach if the benchmark had the machine to itself: the CPU time the
         * benchmark (JVM + PostgreSQL) needs per check, against all cores. Only meaningful when the
         * machine was saturated (CPU-bound); NaN otherwise.
         */
        double dedicatedRate() {
            double own = totalPerCheck() - perCheck("others");
            return busyPercent < 90 || own <= 0 ? Double.NaN
                    : Runtime.getRuntime().availableProcessors() * 1e6 / own;
        }
    }

    /**
     * Cumulative CPU ticks of this JVM's threads (grouped by thread name), of the embedded PostgreSQL
     * (postmaster and its children) and of the whole machine, read from /proc (Linux only).
     */
    record CpuSnapshot(Map<String, Long> ticks, long machineBusy, long machineTotal, long contextSwitches) {
        private static final long MICROS_PER_TICK = 10_000; // USER_HZ = 100

        static CpuSnapshot take(Path pgDataDir) {
            Map<String, Long> ticks = new LinkedHashMap<>();
            try {
                try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                    for (Path task : (Iterable<Path>) tasks::iterator) {
                        String comm = comm(task.resolve("stat"));
                        long[] st = stat(task.resolve("stat"));
                        if (st != null && comm != null) {
                            ticks.merge(group(comm), st[0] + st[1], Long::sum);
                        }
                    }
                }
                long postmaster = Long.parseLong(Files.readAllLines(pgDataDir.resolve("postmaster.pid")).get(0).trim());
                long pg = 0;
                try (var procs = Files.list(Path.of("/proc"))) {
                    for (Path proc : (Iterable<Path>) procs::iterator) {
                        String name = proc.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        long[] st = stat(proc.resolve("stat"));
                        boolean isPostmaster = Long.parseLong(name) == postmaster;
                        if (st != null && (isPostmaster || st[2] == postmaster)) {
                            pg += st[0] + st[1];
                            ticks.merge("pg." + (isPostmaster ? "postmaster" : pgRole(proc)), st[0] + st[1], Long::sum);
                            if (isPostmaster) {
                                // Children that have exited (autovacuum workers, a backend whose connection closed):
                                // their time is the postmaster's cutime and cstime.
                                long exited = exitedChildren(proc.resolve("stat"));
                                pg += exited;
                                ticks.merge("pg.exited", exited, Long::sum);
                            }
                        }
                    }
                }
                ticks.put("postgres", pg);
                long[] self = stat(Path.of("/proc/self/stat"));
                List<String> procStat = Files.readAllLines(Path.of("/proc/stat"));
                String[] cpu = procStat.get(0).trim().split("\\s+");
                long ctxt = procStat.stream().filter(l -> l.startsWith("ctxt ")).mapToLong(l -> Long.parseLong(l.substring(5).trim()))
                        .findFirst().orElse(0);
                long total = 0;
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                    total += Long.parseLong(cpu[i]);
                }
                // Everything else on the machine (other programs, kernel work not charged to a process).
                ticks.put("others", (total - idle) - self[0] - self[1] - pg);
                return new CpuSnapshot(ticks, total - idle, total, ctxt);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        static CpuUse between(CpuSnapshot before, CpuSnapshot after, long checks) {
            if (before == null || after == null) {
                return null;
            }
            Map<String, Long> micros = new LinkedHashMap<>();
            after.ticks.forEach((k, v) -> micros.put(k, (v - before.ticks.getOrDefault(k, 0L)) * MICROS_PER_TICK));
            double busy = 100.0 * (after.machineBusy - before.machineBusy)
                    / Math.max(1, after.machineTotal - before.machineTotal);
            return new CpuUse(micros, checks, busy, (after.machineTotal - before.machineTotal) * MICROS_PER_TICK,
                    after.contextSwitches - before.contextSwitches);
        }

        private static String group(String thread) {
            if (thread.startsWith("http-nio")) {
                return "server";
            }
            if (thread.startsWith("API-") || thread.startsWith("DB-only-") || thread.startsWith("HttpClient")
                    || thread.startsWith("bench-")) {
                return "load-gen";
            }
            if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
                return "gc";
            }
            if (thread.contains("CompilerThre")) {
                return "jit";
            }
            return "jvm-other";
        }

        /** The thread or process name; null if it has gone. */
        private static String comm(Path statFile) {
            try {
                String s = Files.readString(statFile);
                return s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** What a PostgreSQL child process is, from the title it shows in its command line. */
        private static String pgRole(Path proc) {
            try {
                String title = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                for (String role : new String[] {"walwriter", "autovacuum", "checkpointer", "background writer", "walsender"}) {
                    if (title.contains(role)) {
                        return role.replace(' ', '-');
                    }
                }
                return title.contains("127.0.0.1") || title.contains("[local]") ? "backends" : "other";
            } catch (IOException | RuntimeException e) {
                return "other";
            }
        }

        /** cutime + cstime: the CPU of a process's children that have exited and been waited for. */
        private static long exitedChildren(Path statFile) {
            try {
                String s = Files.readString(statFile);
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[13]) + Long.parseLong(f[14]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** utime, stime, ppid in ticks; null if the task has gone. */
        private static long[] stat(Path statFile) {
            try {
                String s = Files.readString(statFile);
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[1])};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
