package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.estateguard.Fixtures;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application killed (SIGKILL, as the OOM killer sends it) while terminals post gate checks:
 * its PostgreSQL lives on, yet the first restart on the same data folder comes up, every check
 * acknowledged before the kill is stored once, and every one a terminal re-sends is stored once.
 */
class RestartAfterKillTest {

    private static final int TERMINALS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 100;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    /** Announced once the application is ready, the demo data (on the first start) loaded. */
    private static final String READY = "EstateGuard is running";

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Queue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Check> unanswered = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> otherAnswers = new ConcurrentLinkedQueue<>();
    private volatile boolean killed;

    private record Check(UUID clientId, String body) {
    }

    @Test
    void theFirstRestartAfterAKillComesUpWithEveryAcknowledgedCheckStoredOnce() throws Exception {
        Path dataDir = tmp.resolve("pg");
        int port = freePort();
        List<Process> apps = new ArrayList<>();
        try {
            Process first = start(dataDir, port, "first start", apps);
            long southGate = Fixtures.entrance(database(dataDir), "阳光花园", "南门");
            postUntilKilled(first, port, southGate);
            assertThat(otherAnswers).as("answers other than 201 before the kill").isEmpty();
            assertThat(serverNamedIn(dataDir)).as("the killed application left its PostgreSQL running").isPresent();

            start(dataDir, port, "restart", apps);
            List<Check> resent = List.copyOf(unanswered);
            for (Check check : resent) {
                assertThat(post(port, check.body())).as("re-sent check %s", check.clientId())
                        .hasValueSatisfying(status -> assertThat(status).isIn(200, 201));
            }

            assertStoredOnce(database(dataDir), resent.stream().map(Check::clientId).toList());
        } finally {
            for (Process app : apps) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            stopServerNamedIn(dataDir);
        }
    }

    private void assertStoredOnce(JdbcClient db, List<UUID> resent) {
        Map<UUID, Long> stored = storedCounts(db, Stream.concat(acknowledged.stream(), resent.stream()).toList());
        assertThat(stored).as("every check acknowledged before the kill").containsKeys(acknowledged.toArray(UUID[]::new));
        assertThat(stored).as("every re-sent check").containsKeys(resent.toArray(UUID[]::new));
        assertThat(stored.values()).as("no check stored twice").containsOnly(1L);
    }

    /** Terminals post checks until the application is killed in the middle of their stream. */
    private void postUntilKilled(Process app, int port, long southGate) throws Exception {
        ExecutorService terminals = Executors.newFixedThreadPool(TERMINALS);
        for (int i = 0; i < TERMINALS; i++) {
            terminals.submit(() -> postChecks(port, southGate));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        killed = true;
        app.destroyForcibly().waitFor();
        terminals.shutdown();
        assertThat(terminals.awaitTermination(1, TimeUnit.MINUTES)).as("terminals stopped").isTrue();
        assertThat(acknowledged).as("checks acknowledged before the kill").hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
    }

    private Void postChecks(int port, long southGate) throws InterruptedException {
        while (!killed) {
            UUID clientId = UUID.randomUUID();
            String body = check(clientId, southGate);
            Optional<Integer> status = post(port, body);
            if (status.isEmpty()) {
                unanswered.add(new Check(clientId, body));
            } else if (status.get() == 201) {
                acknowledged.add(clientId);
            } else {
                otherAnswers.add(status.get());
            }
        }
        return null;
    }

    private static String check(UUID clientId, long entrance) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"测试住户",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":null,"answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(clientId, entrance);
    }

    /** The status answered, or empty when no answer came back. */
    private Optional<Integer> post(int port, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/checks"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Api-Key", Fixtures.DEMO_DEVICE_KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts the application in a JVM of its own and waits until it announces that it is running. */
    private Process start(Path dataDir, int port, String name, List<Process> apps) throws Exception {
        Path log = tmp.resolve(name.replace(' ', '-') + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", applicationClasspath(), "com.estateguard.Application",
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--estateguard.embedded-db.data-dir=" + dataDir,
                "--spring.profiles.active=demo", "--logging.level.root=WARN",
                "--logging.level.com.estateguard.demo.internal.DemoSetup=INFO");
        Process app = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        apps.add(app);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!read(log).contains(READY)) {
            if (!app.isAlive() || System.nanoTime() > deadline) {
                fail("The %s did not come up (%s):%n%s", name, app.isAlive() ? "timed out" : "exited", read(log));
            }
            Thread.sleep(250);
        }
        return app;
    }

    /** The log so far; a character half written is replaced, not an error. */
    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    /** The classpath of this test run without the test classes, which the application must not scan. */
    private static String applicationClasspath() throws Exception {
        Path testClasses = Path.of(RestartAfterKillTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The database of the application serving the folder; like a default start, each start picks a new port. */
    private static JdbcClient database(Path dataDir) throws IOException {
        String port = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim();
        return JdbcClient.create(new SimpleDriverDataSource(new Driver(), "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", ""));
    }

    private static Map<UUID, Long> storedCounts(JdbcClient db, List<UUID> clientIds) {
        return db.sql("SELECT client_id, count(*) FROM access_check WHERE client_id IN (:ids) GROUP BY client_id")
                .param("ids", clientIds)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The live PostgreSQL named in the folder's postmaster.pid, if any. */
    private static Optional<ProcessHandle> serverNamedIn(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"));
    }

    /** Stops whichever PostgreSQL still serves the folder, the last application's or an orphan. */
    private static void stopServerNamedIn(Path dataDir) throws Exception {
        Optional<ProcessHandle> server = serverNamedIn(dataDir);
        if (server.isEmpty()) {
            return;
        }
        server.get().destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // A clean shutdown ends with the server removing its postmaster.pid.
        while (Files.exists(dataDir.resolve("postmaster.pid")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            List<ProcessHandle> backends = server.get().descendants().toList();
            server.get().destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
