package com.estateguard.benchmark;

import com.estateguard.Application;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.Role;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.OpenIncident;
import com.estateguard.healthdata.PersonKeys;
import com.estateguard.org.EstateId;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contact candidates for one case over a 4-day window (the 9th edition's) against millions of check
 * records (issue 9, Speed). Not a test: run with
 * {@code ./mvnw -Pbench test-compile exec:java@contacts} ({@code -Dbench.millions=1,10} sets the sizes
 * measured, {@code -Dbench.requests=300} the requests per measurement).
 *
 * <p>Starts the application on a fresh embedded PostgreSQL with the demo data, then for each size:
 * tops {@code access_check} up to that many rows with one {@code INSERT … SELECT generate_series}
 * per million (a year of passages spread over every demo entrance, 50,000 people), adds fresh cases
 * (each with two passages a day at the demo administrator's estate in the 4 days before onset, at
 * a different point in the year) and opens an incident for each, and measures
 * {@code GET /emergency/incidents/{id}/contacts/candidates.json} as the demo administrator over HTTP:
 * <em>cold</em> is the first request for each fresh case (its index pages not read since they were
 * written), <em>warm</em> the same case asked again and again. Writes target/contacts-benchmark.txt.
 */
public final class ContactsBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    private ContactsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> millions = Arrays.stream(System.getProperty("bench.millions", "1,10").split(",")).map(Integer::valueOf).toList();
        int requests = Integer.getInteger("bench.requests", 300);
        ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--estateguard.embedded-db.data-dir=target/bench-contacts-pg",
                "--estateguard.embedded-db.clean=true", "--spring.profiles.active=demo",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                // The sealer would hash the generated backlog meanwhile; in use it seals checks as they come.
                "--estateguard.evidence.seal-every=PT24H");
        StringBuilder report = new StringBuilder();
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            long estate = jdbc.sql("SELECT estate_id FROM iam_user WHERE username = 'admin'").query(Long.class).single();
            HttpClient http = login(port);
            int cases = 0;
            for (int size : millions) {
                long t0 = System.nanoTime();
                long rows = topUp(jdbc, size * 1_000_000L);
                long generated = (System.nanoTime() - t0) / 1_000_000;
                jdbc.sql("ANALYZE access_check").update();
                List<IncidentId> fresh = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    fresh.add(newCase(ctx, jdbc, estate, ++cases));
                }
                List<Double> cold = new ArrayList<>();
                int candidates = 0;
                for (IncidentId incident : fresh) {
                    long s = System.nanoTime();
                    String body = get(http, port, incident);
                    cold.add((System.nanoTime() - s) / 1e6);
                    candidates = Math.max(candidates, count(body));
                }
                List<Double> warm = new ArrayList<>();
                for (int i = 0; i < requests + 30; i++) {
                    IncidentId incident = fresh.get(i % 5);
                    long s = System.nanoTime();
                    get(http, port, incident);
                    if (i >= 30) {
                        warm.add((System.nanoTime() - s) / 1e6);
                    }
                }
                String line = String.format(Locale.ROOT,
                        "%,d check rows (generated in %.1f s): cold (first request per case, n=%d) p50 %.1f ms, max %.1f ms; "
                                + "warm (n=%d) p50 %.1f ms, p99 %.1f ms, max %.1f ms; up to %d candidates per case; load %s",
                        rows, generated / 1000.0, cold.size(), pct(cold, 50), pct(cold, 100), warm.size(), pct(warm, 50),
                        pct(warm, 99), pct(warm, 100), candidates, Files.readString(Path.of("/proc/loadavg")).trim());
                System.out.println(line);
                report.append(line).append('\n');
                report.append(explain(jdbc, fresh.get(0))).append('\n');
            }
            Files.writeString(Path.of("target/contacts-benchmark.txt"), report.toString());
        } finally {
            ctx.close();
        }
    }

    /** Adds rows to access_check until it holds {@code target}: a year of passages, a million per statement. */
    private static long topUp(JdbcClient jdbc, long target) {
        long have = jdbc.sql("SELECT count(*) FROM access_check").query(Long.class).single();
        long policy = jdbc.sql("SELECT min(id) FROM policy_version").query(Long.class).single();
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_entrance AS SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id, estate_id FROM org_entrance")
                .update();
        long entrances = jdbc.sql("SELECT count(*) FROM bench_entrance").query(Long.class).single();
        for (long from = have; from < target; from += 1_000_000) {
            long to = Math.min(target, from + 1_000_000) - 1;
            jdbc.sql("""
                            INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                                   person_key, evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                            SELECT gen_random_uuid(), b.estate_id, b.id, now() - random() * interval '365 days',
                                   CASE WHEN g % 2 = 0 THEN 'IN' ELSE 'OUT' END, 'RESIDENT', '住户' || (g % 50000),
                                   md5('bench-person-' || (g % 50000)), '{}'::jsonb, 'ALLOW', '{}', '[]'::jsonb, :policy, 'bench'
                              FROM generate_series(:from, :to) g JOIN bench_entrance b ON b.idx = g % :n""")
                    .param("from", from).param("to", to).param("n", entrances).param("policy", policy).update();
            System.out.printf("  %,d rows%n", to + 1);
        }
        return jdbc.sql("SELECT count(*) FROM access_check").query(Long.class).single();
    }

    /** A case of the estate with two passages a day in the four days before onset, at its own point in the year. */
    private static IncidentId newCase(ConfigurableApplicationContext ctx, JdbcClient jdbc, long estate, int n) {
        String first17 = "110105" + LocalDate.of(1970, 1, 1).plusDays(n * 37L).toString().replace("-", "") + String.format("%03d", n % 1000);
        String idNumber = first17 + IdNumber.checkChar(first17);
        String key = ctx.getBean(PersonKeys.class).keyOf(idNumber);
        Instant onset = Instant.now().minus(Duration.ofDays(5L + n * 11L % 330));
        List<Long> entrances = jdbc.sql("SELECT id FROM org_entrance WHERE estate_id = :e ORDER BY id").param("e", estate).query(Long.class).list();
        long policy = jdbc.sql("SELECT min(id) FROM policy_version").query(Long.class).single();
        for (int day = 1; day <= 4; day++) {
            for (String direction : List.of("OUT", "IN")) {
                Instant at = onset.minus(Duration.ofDays(day)).plus(Duration.ofHours("OUT".equals(direction) ? 0 : 9));
                jdbc.sql("""
                                INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                                       person_key, evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                                VALUES (gen_random_uuid(), :e, :n, :at, :d, 'RESIDENT', :name, :k, '{}'::jsonb, 'ALLOW', '{}', '[]'::jsonb, :p, 'bench')""")
                        .param("e", estate).param("n", entrances.get(day % entrances.size())).param("at", Timestamp.from(at))
                        .param("d", direction).param("name", "病例" + n).param("k", key).param("p", policy).update();
            }
        }
        var by = new CurrentUser(0, "bench", "bench", Role.PREVENTION_ADMIN, "R/", estate, null);
        return ctx.getBean(Incidents.class).open(new OpenIncident(new EstateId(estate), false, IncidentKind.CONFIRMED, "病例" + n, null,
                idNumber, CaseSource.NEW, null, onset, null, "定点医院"), by);
    }

    private static String explain(JdbcClient jdbc, IncidentId incident) {
        String key = jdbc.sql("SELECT case_person_key FROM emg_incident WHERE id = :i").param("i", incident.value()).query(String.class).single();
        long estate = jdbc.sql("SELECT estate_id FROM emg_incident WHERE id = :i").param("i", incident.value()).query(Long.class).single();
        // As WhereaboutsQueries.near asks it: within the case's estate (its (estate, time) index; no entrance index, V202).
        return String.join("\n", jdbc.sql("""
                        EXPLAIN (ANALYZE, BUFFERS) WITH mine AS (
                            SELECT id, entrance_id, occurred_at FROM access_check
                             WHERE person_key = :k AND estate_id = :e AND occurred_at >= now() - interval '400 days' AND occurred_at < now())
                        SELECT c.id FROM mine m JOIN access_check c ON c.estate_id = :e AND c.entrance_id = m.entrance_id
                           AND c.occurred_at BETWEEN m.occurred_at - interval '5 minutes' AND m.occurred_at + interval '5 minutes'
                         WHERE c.id <> m.id AND c.person_key IS DISTINCT FROM :k""").param("k", key).param("e", estate)
                .query(String.class).list());
    }

    private static HttpClient login(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=admin&password=demo1234&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        return http;
    }

    private static String get(HttpClient http, int port, IncidentId incident) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/emergency/incidents/"
                + incident.value() + "/contacts/candidates.json")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static int count(String json) {
        return json.split("\"identity\"", -1).length - 1;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
