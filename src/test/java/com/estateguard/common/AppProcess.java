package com.estateguard.common;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application run as a real deployment runs it: in a JVM of its own, on the embedded PostgreSQL
 * with its data in a folder, on a fixed port. For the tests that kill things (the application, the
 * database) and watch what survives. Closing it kills every application it started and stops the
 * database serving the folder.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    /** Announced once the application is ready, the demo data (on the first start) loaded. */
    private static final String READY = "EstateGuard is running";

    private final Path workDir;
    private final Path dataDir;
    private final int port;
    private final List<Process> apps = new ArrayList<>();

    AppProcess(Path workDir) throws IOException {
        this.workDir = workDir;
        this.dataDir = workDir.resolve("pg");
        this.port = freePort();
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the application and waits until it announces that it is running. */
    Process start(String name, String... extraArguments) throws Exception {
        Path log = workDir.resolve(name.replace(' ', '-') + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", applicationClasspath(), "com.estateguard.Application",
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--estateguard.embedded-db.data-dir=" + dataDir,
                "--spring.profiles.active=demo", "--logging.level.root=WARN",
                "--logging.level.com.estateguard.demo.internal.DemoSetup=INFO"));
        command.addAll(List.of(extraArguments));
        Process app = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
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

    /** The log of a start so far; a character half written is replaced, not an error. */
    String log(String name) throws IOException {
        return read(workDir.resolve(name.replace(' ', '-') + ".log"));
    }

    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    /** The classpath of this test run without the test classes, which the application must not scan. */
    private static String applicationClasspath() throws Exception {
        Path testClasses = Path.of(AppProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The database serving the folder; like a default start, each start picks a new port. */
    JdbcClient database() throws IOException {
        String dbPort = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim();
        return JdbcClient.create(new SimpleDriverDataSource(new Driver(), "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                "postgres", ""));
    }

    /** The live PostgreSQL named in the folder's postmaster.pid, if any. */
    Optional<ProcessHandle> server() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"));
    }

    /** Stops whichever PostgreSQL still serves the folder, the last application's or an orphan. */
    void stopServer() throws Exception {
        Optional<ProcessHandle> server = server();
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

    @Override
    public void close() throws Exception {
        for (Process app : apps) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        stopServer();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
