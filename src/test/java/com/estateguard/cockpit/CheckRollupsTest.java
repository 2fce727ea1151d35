package com.estateguard.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.cockpit.internal.CheckRollupJob;
import com.estateguard.org.EntranceKind;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.policy.PolicyPreset;
import java.sql.Array;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cockpit's entry counts are kept as checks arrive, never recounted per view; here they are
 * recounted from the raw check records (by the test's own reading of them) and must agree after a
 * burst of checks from four terminals at once, a correction, and a midnight between them; a rebuild
 * from the raw records gives the same numbers again. The sums kept per region (the estate's street, district
 * and city, with a neighbour estate in the same community) equal the sum of their estates' rows and the recount.
 */
@IntegrationTest
class CheckRollupsTest {

    private static final Pattern CHECK_ID = Pattern.compile("\"checkId\":(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    CheckRollupJob rollups;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ZoneId zone;
    @Autowired
    OrgDirectory org;

    @Test
    void rollUpsEqualARecountAfterABurstACorrectionAndADayBoundaryAndARebuildGivesTheSame() throws Exception {
        clock.setLocal(clock.unusedDay().atTime(23, 40));
        TestData.Estate estate = data.estate(PolicyPreset.BEIJING_2022);
        Neighbour neighbour = neighbour(estate);

        List<String> first = burst(estate, 40);
        neighbour.checks(3);
        rollups.catchUp();
        assertThat(kept(estate)).isEqualTo(recount(estate)).isNotEmpty();
        assertRegionsEqualTheirEstates(estate, neighbour);
        assertThat(kept(estate).keySet()).anyMatch(k -> k.endsWith("REFUSAL.FEVER"))
                .anyMatch(k -> k.endsWith("REFUSAL.NAT_EXPIRED")).anyMatch(k -> k.endsWith("ENTRY.ALLOW"));

        // A refusal corrected (the thermometer was wrong): the refusal is taken away, the allowed entry added.
        long corrected = first.stream().filter(b -> b.contains("\"FEVER\"")).map(CheckRollupsTest::checkId).findFirst().orElseThrow();
        long feverBefore = sum(kept(estate), "REFUSAL.FEVER");
        TestClient terminal = estate.terminal(port);
        var correction = terminal.postJson("/api/v1/checks", check(estate, "36.5", 10, corrected));
        assertThat(correction.status()).isEqualTo(201);

        // Past midnight: the next day's checks count in the next day's hours.
        clock.advance(java.time.Duration.ofMinutes(30));
        burst(estate, 12);
        neighbour.checks(2);
        rollups.catchUp();

        Map<String, Long> kept = kept(estate);
        assertThat(kept).isEqualTo(recount(estate));
        assertRegionsEqualTheirEstates(estate, neighbour);
        assertThat(sum(kept, "ENTRY.")).isEqualTo(40 + 12);
        assertThat(kept.keySet().stream().map(k -> k.substring(0, 10)).distinct()).hasSize(2);
        assertThat(sum(kept, "REFUSAL.FEVER")).isEqualTo(feverBefore - 1 + 4);

        // Rebuilt from the raw records: the same numbers.
        Instant from = clock.today().minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = clock.today().plusDays(1).atStartOfDay(zone).toInstant();
        rollups.rebuild(from, to);
        assertThat(kept(estate)).isEqualTo(kept);
        assertRegionsEqualTheirEstates(estate, neighbour);
        String street = org.region(new RegionId(estate.regions().street())).orElseThrow().path();
        assertThat(sum(regionKept(street), "ENTRY.")).isEqualTo(40 + 12 + 3 + 2);
    }

    /** An estate in the same community whose checks are written straight into the records (3 of 5 refused for fever). */
    private record Neighbour(long id, long entrance, JdbcClient jdbc, TestClock clock) {
        void checks(int n) {
            jdbc.sql("""
                            INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                                      decision, reason_codes, reasons, policy_version_id, created_by)
                            SELECT gen_random_uuid(), :e, :n, :at, 'IN', 'RESIDENT', '{}'::jsonb,
                                   CASE WHEN g % 5 < 3 THEN 'REFUSE' ELSE 'ALLOW' END,
                                   CASE WHEN g % 5 < 3 THEN ARRAY['FEVER'] ELSE ARRAY[]::text[] END, '[]'::jsonb,
                                   (SELECT min(id) FROM policy_version), 'test'
                              FROM generate_series(0, :k - 1) g""")
                    .param("e", id).param("n", entrance).param("at", java.sql.Timestamp.from(clock.instant())).param("k", n).update();
        }
    }

    private Neighbour neighbour(TestData.Estate estate) {
        long company = org.createCompany(null, "邻居物业" + estate.id(), "test");
        long id = org.createEstate(new OrgDirectory.EstateForm("邻居小区" + estate.id(), estate.regions().community(), company,
                new java.math.BigDecimal("1000"), "邻居路1号", "经理", "管理员", "观察点"), "test");
        return new Neighbour(id, org.createEntrance(new EstateId(id), "南门", EntranceKind.MIXED, true, "test"), jdbc, clock);
    }

    /** The street's, district's and city's rows: each the sum of the two estates' rows, and of their recounts. */
    private void assertRegionsEqualTheirEstates(TestData.Estate estate, Neighbour neighbour) {
        Map<String, Long> estates = new TreeMap<>(kept(estate.id()));
        kept(neighbour.id()).forEach((k, n) -> estates.merge(k, n, Long::sum));
        Map<String, Long> recounted = new TreeMap<>(recount(estate.id()));
        recount(neighbour.id()).forEach((k, n) -> recounted.merge(k, n, Long::sum));
        assertThat(estates).isEqualTo(recounted).isNotEmpty();
        for (long region : List.of(estate.regions().street(), estate.regions().district(), estate.regions().city())) {
            String path = org.region(new RegionId(region)).orElseThrow().path();
            assertThat(regionKept(path)).as("region %s", path).isEqualTo(estates);
        }
    }

    /** What the cockpit keeps for a region: "hour figure" to count, zeros left out. */
    private Map<String, Long> regionKept(String path) {
        Map<String, Long> kept = new TreeMap<>();
        jdbc.sql("SELECT hour, figure, n FROM cockpit_region_check_hour WHERE region_path = :p AND n <> 0").param("p", path)
                .query((RowCallbackHandler) rs -> kept.put(key(rs.getTimestamp(1).toInstant(), rs.getString(2)), rs.getLong(3)));
        return kept;
    }

    private static long checkId(String body) {
        Matcher m = CHECK_ID.matcher(body);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Checks from four terminals at once, a third fevers, a third with an old NAT; returns the answers. */
    private List<String> burst(TestData.Estate estate, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int kind = i % 3;
                sent.add(pool.submit(() -> {
                    var response = estate.terminal(port).postJson("/api/v1/checks",
                            check(estate, kind == 1 ? "38.2" : "36.5", kind == 2 ? 200 : 10, null));
                    assertThat(response.status()).isEqualTo(201);
                    return response.body();
                }));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<String> f : sent) {
                bodies.add(f.get());
            }
            return bodies;
        } finally {
            pool.shutdown();
        }
    }

    private String check(TestData.Estate estate, String celsius, int natHours, Long corrects) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"测试访客",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"5号楼探亲","symptoms":false},"mask":true},
                 "correctsCheckId":%s}"""
                .formatted(UUID.randomUUID(), estate.southGate(), celsius, clock.instant().minus(natHours, ChronoUnit.HOURS),
                        corrects == null ? "null" : corrects.toString());
    }

    /** What the cockpit keeps for the estate: "hour figure" to count, zeros left out. */
    private Map<String, Long> kept(TestData.Estate estate) {
        return kept(estate.id());
    }

    private Map<String, Long> kept(long estateId) {
        Map<String, Long> kept = new TreeMap<>();
        jdbc.sql("SELECT hour, figure, n FROM cockpit_check_hour WHERE estate_id = :e AND n <> 0").param("e", estateId)
                .query((RowCallbackHandler) rs -> kept.put(key(rs.getTimestamp(1).toInstant(), rs.getString(2)), rs.getLong(3)));
        return kept;
    }

    /** The test's own count from the raw records: entries in, a corrected record replaced by its correction. */
    private Map<String, Long> recount(TestData.Estate estate) {
        return recount(estate.id());
    }

    private Map<String, Long> recount(long estateId) {
        record Row(long id, Instant at, String direction, String decision, String[] reasons, Long corrects) {
        }
        List<Row> rows = jdbc.sql("SELECT id, occurred_at, direction, decision, reason_codes, corrects_check_id FROM access_check WHERE estate_id = :e")
                .param("e", estateId).query((rs, i) -> {
                    Array reasons = rs.getArray(5);
                    return new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            (String[]) reasons.getArray(), (Long) rs.getObject(6));
                }).list();
        Set<Long> correctedIds = new HashSet<>();
        rows.stream().filter(r -> r.corrects() != null).forEach(r -> correctedIds.add(r.corrects()));
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : rows) {
            if (!"IN".equals(r.direction()) || correctedIds.contains(r.id())) {
                continue;
            }
            Instant hour = LocalDateTime.ofInstant(r.at(), zone).truncatedTo(ChronoUnit.HOURS).atZone(zone).toInstant();
            counts.merge(key(hour, "ENTRY." + r.decision()), 1L, Long::sum);
            if ("REFUSE".equals(r.decision())) {
                for (String reason : r.reasons()) {
                    counts.merge(key(hour, "REFUSAL." + reason), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private String key(Instant hour, String figure) {
        return LocalDateTime.ofInstant(hour, zone) + " " + figure;
    }

    private static long sum(Map<String, Long> counts, String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().contains(" " + prefix)).mapToLong(Map.Entry::getValue).sum();
    }
}
