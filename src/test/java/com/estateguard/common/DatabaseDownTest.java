package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database killed under a running application (SIGKILL to PostgreSQL and its backends): while it
 * is down a terminal is told 503 with Retry-After, in problem+json, and nothing is half-written; when
 * the database is back the application serves again by itself, without a restart.
 */
class DatabaseDownTest {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(int status, Optional<String> retryAfter, String contentType, String body) {
    }

    @Test
    void whileTheDatabaseIsDownTheApiAnswers503AndItRecoversByItselfWhenTheDatabaseIsBack() throws Exception {
        try (AppProcess app = new AppProcess(tmp)) {
            app.start("app", "--estateguard.embedded-db.connection-timeout=2s");
            long southGate = Fixtures.entrance(app.database(), "阳光花园", "南门");
            UUID before = UUID.randomUUID();
            assertThat(post(app.port(), before, southGate).status()).as("a check before the kill").isEqualTo(201);

            ProcessHandle server = app.server().orElseThrow();
            List<String> commandLine = commandLineOf(server);
            List<ProcessHandle> backends = server.descendants().toList();
            server.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            server.onExit().get(30, TimeUnit.SECONDS);

            List<UUID> refused = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                UUID clientId = UUID.randomUUID();
                Answer answer = post(app.port(), clientId, southGate);
                assertThat(answer.status()).as("answer while the database is down: %s", answer.body()).isEqualTo(503);
                assertThat(answer.retryAfter()).as("Retry-After").hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
                assertThat(answer.contentType()).startsWith("application/problem+json");
                refused.add(clientId);
            }

            // pg_ctl -w returns once the server accepts connections (after its crash recovery).
            Process restart = new ProcessBuilder(commandLine).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("postgres-restart.log").toFile()).start();
            assertThat(restart.waitFor(90, TimeUnit.SECONDS) && restart.exitValue() == 0)
                    .as("the database restarted: %s", Files.readString(tmp.resolve("postgres-restart.log"))).isTrue();
            UUID after = UUID.randomUUID();
            long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
            Answer answer = post(app.port(), after, southGate);
            while (answer.status() != 201 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                answer = post(app.port(), after, southGate);
            }
            assertThat(answer.status()).as("the first check accepted once the database is back: %s", answer.body())
                    .isEqualTo(201);

            List<UUID> stored = app.database().sql("SELECT client_id FROM access_check WHERE client_id IN (:ids)")
                    .param("ids", List.of(before, after, refused.get(0), refused.get(1), refused.get(2)))
                    .query(UUID.class).list();
            assertThat(stored).as("stored: the checks answered 201, none of those answered 503")
                    .containsExactlyInAnyOrder(before, after);
        }
    }

    /**
     * How to start the server again as the application started it (zonky: pg_ctl, in a user namespace of
     * its own when run as root, which PostgreSQL refuses), on the same folder, port and settings.
     */
    private static List<String> commandLineOf(ProcessHandle server) {
        ProcessHandle.Info info = server.info();
        Path postgres = Path.of(info.command().orElseThrow());
        List<String> arguments = List.of(info.arguments().orElseThrow());
        int data = arguments.indexOf("-D");
        List<String> options = new ArrayList<>(arguments);
        options.remove(data + 1);
        options.remove(data);
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgres.resolveSibling("pg_ctl").toString(), "-D", arguments.get(data + 1),
                "-o", String.join(" ", options), "-w", "-t", "60", "start"));
        return command;
    }

    private Answer post(int port, UUID clientId, long entrance) throws InterruptedException {
        String body = """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"测试住户",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":null,"answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(clientId, entrance);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/checks"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Api-Key", Fixtures.DEMO_DEVICE_KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            return new Answer(-1, Optional.empty(), "", e.toString());
        }
    }
}
