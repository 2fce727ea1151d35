package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Application;
import com.estateguard.Fixtures;
import com.estateguard.evidence.internal.RetentionPurge;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersion;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two application nodes on two ports against ONE PostgreSQL behave as one (issue 12 section 5): the
 * embedded database is started once here and both Spring applications point spring.datasource.* at
 * it, as two nodes behind a load balancer point at one server. A check posted to one node is seen on
 * the other, decided by the same policy version (a version written on one node reaches the other
 * within its change check); a session made on one is valid on the other (CSRF and logout too); a
 * login's tries are counted once for both; and a scheduled job that both nodes fire runs once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final int TRIES_PER_MINUTE = 3;

    private EmbeddedPostgres pg;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private JdbcClient db;
    private SingleConnectionDataSource dbConnection;

    @BeforeAll
    void startOneDatabaseAndTwoNodes() throws IOException {
        pg = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target/test-pg/two-nodes-" + UUID.randomUUID()).toAbsolutePath())
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("max_connections", "100")
                .start();
        // One after the other, as a rolling start: the first migrates the schema and loads the demo data.
        nodeA = node("node-a");
        nodeB = node("node-b");
        dbConnection = new SingleConnectionDataSource(pg.getJdbcUrl("postgres", "postgres"), true);
        db = JdbcClient.create(dbConnection);
    }

    @AfterAll
    void stop() throws IOException {
        if (dbConnection != null) {
            dbConnection.destroy();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(Application.class).profiles("demo").run(
                "--server.port=0",
                "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--spring.jmx.enabled=false",
                "--logging.level.root=WARN",
                "--estateguard.node.name=" + name,
                // Each test client is a client address of its own.
                "--server.forward-headers-strategy=native",
                "--estateguard.security.login-rate.per-minute=" + TRIES_PER_MINUTE,
                "--estateguard.policy.change-check=PT0.2S",
                // Both nodes fire the nightly purge every second; it is held for longer than this test runs.
                "--estateguard.evidence.purge-cron=* * * * * *",
                "--estateguard.evidence.purge-hold=PT30M");
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Test
    void aCheckPostedToOneNodeIsSeenOnTheOtherDecidedByTheSameVersionTheOtherNodeWrote() throws Exception {
        long estateId = Fixtures.estate(db, "阳光花园");
        long southGate = Fixtures.entrance(db, "阳光花园", "南门");
        Browser terminal = new Browser();
        long before = policyId(terminal.api(nodeB, "GET", "/api/v1/policy/current", null).body());

        // A policy version written on node B (its own snapshot re-read at once) ...
        Policies policiesB = nodeB.getBean(Policies.class);
        EstateRef estate = nodeB.getBean(OrgDirectory.class).estate(new EstateId(estateId), "R/").orElseThrow();
        Instant now = nodeB.getBean(Clock.class).instant();   // the nodes run on the production clock, not a test clock
        PolicyVersion current = policiesB.inForce(estate.regionPath(), now);
        assertThat(current.id()).isEqualTo(before);
        long written = policiesB.install(new Policies.NewVersion("两节点测试：阳光花园", estate.regionPath(), estate.name(),
                now.minusSeconds(1), current.parameters(), current.id(), current.presetCode()), "test");

        // ... is what node A decides by within its change check, long before its 30-second refresh.
        long seenOnA = before;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (seenOnA != written && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seenOnA = policyId(terminal.api(nodeA, "GET", "/api/v1/policy/current", null).body());
        }
        assertThat(seenOnA).as("the version node A sees in force").isEqualTo(written);

        UUID clientId = UUID.randomUUID();
        HttpResponse<String> posted = terminal.api(nodeA, "POST", "/api/v1/checks", check(clientId, southGate));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(number(posted.body(), "policyVersionId")).isEqualTo(written);
        long checkId = number(posted.body(), "checkId");

        HttpResponse<String> replayed = terminal.api(nodeB, "POST", "/api/v1/checks", check(clientId, southGate));
        assertThat(replayed.statusCode()).as("the same clientId re-sent to the other node is stored once").isEqualTo(200);
        assertThat(number(replayed.body(), "checkId")).isEqualTo(checkId);

        Browser admin = new Browser();
        admin.signIn(nodeB, "admin");
        HttpResponse<String> detail = admin.get(nodeB, "/checks/" + checkId);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("两节点测试：阳光花园 (v" + written + ")");
    }

    @Test
    void aSessionMadeOnOneNodeIsValidOnTheOtherWithItsCsrfTokenUntilLogout() {
        Browser admin = new Browser();
        assertThat(admin.get(nodeB, "/checks").statusCode()).as("not signed in yet").isEqualTo(302);
        admin.signIn(nodeA, "admin");
        assertThat(db.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'admin'").query(Long.class).single())
                .as("the session is in the database").isPositive();
        assertThat(db.sql("""
                        SELECT count(*) FROM spring_session_attributes
                         WHERE position(convert_to('{bcrypt}', 'UTF8') IN attribute_bytes) > 0""").query(Long.class).single())
                .as("sessions holding a password hash").isZero();

        HttpResponse<String> onB = admin.get(nodeB, "/checks");
        assertThat(onB.statusCode()).as("the session made on A, on B").isEqualTo(200);
        assertThat(onB.body()).contains("赵静");

        String tokenFromA = admin.csrf(admin.get(nodeA, "/").body());
        HttpResponse<String> logout = admin.postForm(nodeB, "/logout", "_csrf=" + enc(tokenFromA));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(admin.get(nodeA, "/checks").statusCode()).as("logged out on B is logged out on A").isEqualTo(302);
    }

    @Test
    void triesAtTheLoginFormAreCountedOnceForBothNodes() {
        Browser stranger = new Browser();
        for (int i = 0; i < TRIES_PER_MINUTE; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(stranger.login(node, "nobody", "guess").statusCode()).isEqualTo(302);
        }
        assertThat(stranger.login(nodeA, "admin", "demo1234").statusCode()).isEqualTo(429);
        assertThat(stranger.login(nodeB, "admin", "demo1234").statusCode()).isEqualTo(429);
    }

    @Test
    void theNightlyPurgeThatBothNodesFireEverySecondRunsOnce() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (purges() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(purges()).as("a purge ran").isEqualTo(1);
        Thread.sleep(3000);
        // Node B's own scheduled entry point, called as its scheduler calls it, finds the job held too.
        nodeB.getBean(RetentionPurge.class).nightlyOnSchedule();
        nodeA.getBean(RetentionPurge.class).nightlyOnSchedule();
        assertThat(purges()).as("purges after both nodes fired it every second").isEqualTo(1);
        assertThat(db.sql("SELECT locked_by FROM shedlock WHERE name = 'evidence.retentionPurge' AND lock_until > timezone('utc', now())")
                .query(String.class).single()).isIn("node-a", "node-b");
    }

    private long purges() {
        return db.sql("SELECT count(*) FROM evidence_purge").query(Long.class).single();
    }

    private static long policyId(String json) {
        return number(json, "id");
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String check(UUID clientId, long entrance) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"两节点住户",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":null,"answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(clientId, entrance);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One client with one cookie jar for both nodes (cookies are per host, not per port), from an address of its own. */
    private static final class Browser {
        private static int addresses;

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String address;

        Browser() {
            synchronized (Browser.class) {
                addresses++;
                address = "198.19.200." + addresses;
            }
        }

        HttpResponse<String> get(ConfigurableApplicationContext node, String path) {
            return send(request(node, path).header("Accept", "text/html").GET());
        }

        HttpResponse<String> postForm(ConfigurableApplicationContext node, String path, String form) {
            return send(request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> api(ConfigurableApplicationContext node, String method, String path, String json) {
            HttpRequest.Builder b = request(node, path).header("X-Api-Key", Fixtures.DEMO_DEVICE_KEY);
            if (json == null) {
                b.GET();
            } else {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            }
            return send(b);
        }

        HttpResponse<String> login(ConfigurableApplicationContext node, String username, String password) {
            String token = csrf(get(node, "/login").body());
            return postForm(node, "/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
        }

        void signIn(ConfigurableApplicationContext node, String username) {
            HttpResponse<String> answer = login(node, username, "demo1234");
            assertThat(answer.headers().firstValue("Location")).as("signed in as %s", username)
                    .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        }

        String csrf(String page) {
            Matcher m = CSRF_INPUT.matcher(page);
            if (m.find()) {
                return m.group(1);
            }
            m = CSRF_META.matcher(page);
            if (m.find()) {
                return m.group(1);
            }
            throw new IllegalStateException("no CSRF token on the page");
        }

        private HttpRequest.Builder request(ConfigurableApplicationContext node, String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path)).header("X-Forwarded-For", address)
                    .timeout(Duration.ofSeconds(30));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
