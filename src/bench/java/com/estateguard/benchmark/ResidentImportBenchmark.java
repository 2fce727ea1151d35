package com.estateguard.benchmark;

import com.estateguard.Application;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.Role;
import com.estateguard.healthdata.HealthRegisters;
import com.estateguard.healthdata.internal.RegisterImport;
import com.estateguard.residents.internal.ResidentImport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures importing a register (.xlsx) of N rows into one estate, then importing the same file
 * again (nothing changes); then the NAT comparison register of the same people, twice. Not a test:
 * run with {@code ./mvnw -Pbench test-compile exec:java@residents}
 * (-Dbench.rows=N, default 10,000; -Dbench.health=false to leave the NAT register out;
 * -Dbench.jfr=prefix to record each run with Java Flight Recorder into prefix-&lt;run&gt;.jfr).
 * Starts the application on a fresh embedded PostgreSQL with demo data.
 *
 * <p>Besides the wall time each run prints the CPU it cost per row: the threads the import runs on
 * (this one and the common fork-join pool's workers, so parallel work is counted in full) and the
 * PostgreSQL backend that ran its statements (the server process whose CPU grew most, from /proc);
 * then, for comparison, the whole JVM and every PostgreSQL process, which also hold the application's
 * scheduled jobs and grow with the wall time. On a machine shared with other work the CPU per row is
 * the figure to compare.
 */
public final class ResidentImportBenchmark {

    private static final Path DATA = Path.of("target/bench-residents-pg");

    private ResidentImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 10_000);
        boolean health = Boolean.parseBoolean(System.getProperty("bench.health", "true"));
        String jfr = System.getProperty("bench.jfr");
        ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--estateguard.embedded-db.data-dir=" + DATA,
                "--estateguard.embedded-db.clean=true", "--spring.profiles.active=demo",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--estateguard.evidence.seal-every=PT10H");
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            ResidentImport imports = ctx.getBean(ResidentImport.class);
            long estate = jdbc.sql("SELECT id FROM org_estate WHERE name = '锦绣苑'").query(Long.class).single();
            var admin = new CurrentUser(0, "bench", "bench", Role.PREVENTION_ADMIN, "R/", estate, null);
            byte[] file = file(rows);
            System.out.printf("load: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.printf("register file: %d rows, %.1f MB%n", rows, file.length / 1e6);
            // A server that has been up has compiled the import's code: warm the JVM up on another estate first.
            long other = jdbc.sql("SELECT id FROM org_estate WHERE id <> :e ORDER BY id LIMIT 1").param("e", estate)
                    .query(Long.class).single();
            var otherAdmin = new CurrentUser(0, "bench", "bench", Role.PREVENTION_ADMIN, "R/", other, null);
            measure("warm-up (cold JVM, other estate)", rows, null,
                    () -> imports.importFile(other, "bench.xlsx", new ByteArrayInputStream(file), otherAdmin));
            int n = 0;
            for (String run : new String[]{"first import", "repeat import", "repeat import"}) {
                n++;
                var result = measure(run, rows, jfr == null ? null : jfr + "-residents-" + n + ".jfr",
                        () -> imports.importFile(estate, "bench.xlsx", new ByteArrayInputStream(file), admin));
                System.out.printf("   (%d rows: %d new, %d changed, %d unchanged, %d bad; %d ms in the batch record)%n",
                        result.total(), result.added(), result.changed(), result.unchanged(), result.errors().size(),
                        result.millis());
            }
            if (health) {
                RegisterImport registers = ctx.getBean(RegisterImport.class);
                byte[] nat = natFile(rows);
                System.out.printf("NAT register file: %d rows, %.1f MB%n", rows, nat.length / 1e6);
                n = 0;
                for (String run : new String[]{"NAT first", "NAT repeat"}) {
                    n++;
                    var result = measure(run, rows, jfr == null ? null : jfr + "-nat-" + n + ".jfr",
                            () -> registers.importFile(HealthRegisters.Kind.NAT, "nat.xlsx", new ByteArrayInputStream(nat), admin));
                    System.out.printf("   (%d rows: %d imported, %d already there, %d bad)%n", result.total(), result.imported(),
                            result.duplicates(), result.errors().size());
                }
            }
            System.out.printf("load: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            ctx.close();
        }
    }

    private static <T> T measure(String run, int rows, String jfrFile, Callable<T> work) throws Exception {
        Recording recording = null;
        if (jfrFile != null) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
        }
        long jvm0 = jvmCpuNanos();
        Map<Long, Long> threads0 = importThreadsCpu();
        Map<Long, Long> pg0 = postgresCpuTicks();
        long t0 = System.nanoTime();
        T result = work.call();
        long wall = System.nanoTime() - t0;
        long jvm = jvmCpuNanos() - jvm0;
        long threads = delta(threads0, importThreadsCpu()).values().stream().mapToLong(Long::longValue).sum();
        Map<Long, Long> pg = delta(pg0, postgresCpuTicks());
        long backend = pg.values().stream().mapToLong(Long::longValue).max().orElse(0) * 10_000_000L; // USER_HZ = 100
        long pgAll = pg.values().stream().mapToLong(Long::longValue).sum() * 10_000_000L;
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(jfrFile));
            recording.close();
        }
        System.out.printf("%-14s %6d ms = %6.0f rows/s | CPU µs/row: import threads %5.1f + importing backend %5.1f = %5.1f"
                        + " (whole JVM %5.1f, all PostgreSQL %5.1f)%n", run, wall / 1_000_000, rows * 1e9 / wall,
                threads / 1e3 / rows, backend / 1e3 / rows, (threads + backend) / 1e3 / rows, jvm / 1e3 / rows, pgAll / 1e3 / rows);
        return result;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU of the threads an import runs on: this one, the common fork-join pool's workers and the register import's file readers, by thread id. */
    private static Map<Long, Long> importThreadsCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && (t.getThreadId() == Thread.currentThread().getId()
                    || t.getThreadName().startsWith("ForkJoinPool.commonPool")
                    || t.getThreadName().startsWith("resident-import-"))) {
                cpu.put(t.getThreadId(), mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return cpu;
    }

    private static Map<Long, Long> delta(Map<Long, Long> before, Map<Long, Long> after) {
        Map<Long, Long> delta = new HashMap<>();
        after.forEach((id, v) -> delta.put(id, v - before.getOrDefault(id, 0L)));
        return delta;
    }

    /** User + system ticks of the embedded server by process: the postmaster and every process it started. */
    private static Map<Long, Long> postgresCpuTicks() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(DATA.resolve("postmaster.pid")).get(0).trim());
        Map<Long, Long> ticks = new HashMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat;
                try {
                    stat = Files.readString(p.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the command: state(0) ppid(1) ... utime(11) stime(12)
                if (Long.parseLong(name) == postmaster || Long.parseLong(f[1]) == postmaster) {
                    ticks.put(Long.parseLong(name), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                }
            }
        }
        return ticks;
    }

    private static String id(int i) {
        String first17 = "320583" + LocalDate.of(1940, 1, 1).plusDays(i / 100).toString().replace("-", "")
                + String.format("%03d", i % 100 + 100);
        return first17 + IdNumber.checkChar(first17);
    }

    private static byte[] file(int rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "bench", "1.0");
        Worksheet ws = wb.newWorksheet("住户名册");
        ws.value(0, 0, "楼栋");
        for (int i = 0; i < rows; i++) {
            int r = i + 1;
            ws.value(r, 0, String.valueOf(1 + i / 200));
            ws.value(r, 1, String.valueOf(1 + i % 2));
            ws.value(r, 2, (1 + (i / 4) % 30) + "0" + (1 + i % 4));
            ws.value(r, 3, "住户" + i);
            ws.value(r, 4, id(i));
            ws.value(r, 5, "139" + String.format("%08d", i));
            ws.value(r, 6, i % 3 == 0 ? "租户" : "业主");
            ws.value(r, 7, i % 10 == 0 ? "是" : "否");
            ws.value(r, 8, "否");
        }
        wb.finish();
        return out.toByteArray();
    }

    /** The NAT comparison register: 姓名, 身份证号, 采样时间, 结果; one result per person. */
    private static byte[] natFile(int rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "bench", "1.0");
        Worksheet ws = wb.newWorksheet("核酸比对");
        ws.value(0, 0, "姓名");
        ws.value(0, 1, "身份证号");
        ws.value(0, 2, "采样时间");
        ws.value(0, 3, "结果");
        for (int i = 0; i < rows; i++) {
            int r = i + 1;
            ws.value(r, 0, "住户" + i);
            ws.value(r, 1, id(i));
            ws.value(r, 2, String.format("2026-11-%02d %02d:%02d", 1 + i % 28, 8 + i % 10, i % 60));
            ws.value(r, 3, i % 500 == 0 ? "阳性" : "阴性");
        }
        wb.finish();
        return out.toByteArray();
    }
}
