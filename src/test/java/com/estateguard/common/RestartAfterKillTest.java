package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application killed (SIGKILL, as the OOM killer sends it) while terminals post gate checks:
 * its PostgreSQL lives on, yet the first restart on the same data folder comes up, every check
 * acknowledged before the kill is stored once, and every one a terminal re-sends is stored once.
 */
class RestartAfterKillTest {

    private static final int TERMINALS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 100;

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
        try (AppProcess app = new AppProcess(tmp)) {
            int port = app.port();
            Process first = app.start("first start");
            long southGate = Fixtures.entrance(app.database(), "阳光花园", "南门");
            postUntilKilled(first, port, southGate);
            assertThat(otherAnswers).as("answers other than 201 before the kill").isEmpty();
            assertThat(app.server()).as("the killed application left its PostgreSQL running").isPresent();

            app.start("restart");
            List<Check> resent = List.copyOf(unanswered);
            for (Check check : resent) {
                assertThat(post(port, check.body())).as("re-sent check %s", check.clientId())
                        .hasValueSatisfying(status -> assertThat(status).isIn(200, 201));
            }

            assertStoredOnce(app.database(), resent.stream().map(Check::clientId).toList());
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

    private static Map<UUID, Long> storedCounts(JdbcClient db, List<UUID> clientIds) {
        return db.sql("SELECT client_id, count(*) FROM access_check WHERE client_id IN (:ids) GROUP BY client_id")
                .param("ids", clientIds)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
