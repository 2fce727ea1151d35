package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.residents.ResidentsTestData;
import com.estateguard.identity.internal.DeviceKeyStore;
import com.estateguard.policy.PolicyPreset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The terminal API (ACC-07) end to end: decisions, idempotency, bad input, keys. Every test has an
 * estate of its own under the Beijing 2022 preset, and talks through that estate's terminal.
 */
@IntegrationTest
class CheckpointApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeviceKeyStore keys;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    com.estateguard.access.internal.EntranceControl entrances;

    TestData.Estate estate;
    TestClient terminal;
    long southGate;

    @BeforeEach
    void anEstateWithATerminalAtTheSouthGate() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
        terminal = estate.terminal(port);
        southGate = estate.southGate();
    }

    static String check(UUID clientId, long entrance, String category, String temperature, String code, String acquisition,
                        Instant natSampled) {
        String healthCode = code == null ? "null"
                : "{\"status\":\"%s\",\"acquisition\":\"%s\",\"source\":\"integrated-terminal\"}".formatted(code, acquisition);
        String nat = natSampled == null ? "null" : "{\"sampledAt\":\"%s\",\"result\":\"NEGATIVE\",\"source\":\"健康宝\"}".formatted(natSampled);
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"%s","personName":"测试骑手",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},"healthCode":%s,
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":%s,"answers":{"destination":"5号楼送餐","symptoms":false},"mask":true}}"""
                .formatted(clientId, entrance, category, temperature, healthCode, nat);
    }

    @Test
    void riderWithGreenScannedCodeAndEightyHourOldNatIsRefusedForTheNat() {
        var response = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "COURIER", "36.4",
                "GREEN", "SCANNED", clock.instant().minus(80, ChronoUnit.HOURS)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"verdict\":\"REFUSE\"").contains("NAT_EXPIRED")
                .doesNotContain("CODE_").doesNotContain("FEVER");
    }

    @Test
    void allowedEntryRecordsThePolicyVersionUsed() {
        var response = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "VISITOR", "36.4",
                "GREEN", "SCANNED", clock.instant().minus(10, ChronoUnit.HOURS)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"verdict\":\"ALLOW\"").contains("\"reasons\":[]");
        long policyId = jdbc.sql("SELECT id FROM policy_version WHERE scope_path = :p").param("p", estate.regionPath())
                .query(Long.class).single();
        assertThat(response.body()).contains("\"policyVersionId\":" + policyId);
    }

    @Test
    void aShownCodeIsRefusedWhateverItsColour() {
        var response = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "RESIDENT", "36.4",
                "GREEN", "SHOWN", clock.instant().minus(10, ChronoUnit.HOURS)));

        assertThat(response.body()).contains("\"verdict\":\"REFUSE\"").contains("CODE_SHOWN_NOT_SCANNED");
    }

    @Test
    void aRetriedSubmissionIsStoredOnce() {
        UUID clientId = UUID.randomUUID();
        String body = check(clientId, southGate, "RESIDENT", "36.4", "GREEN", "SCANNED", clock.instant().minus(1, ChronoUnit.HOURS));

        var first = terminal.postJson("/api/v1/checks", body);
        var retry = terminal.postJson("/api/v1/checks", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).contains("\"replayed\":true");
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE client_id = :c").param("c", clientId)
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The answer goes out in one piece with its length (ApiAnswerLengthFilter), not chunked: read off the wire, the
     * declared length is the body's, and the stored check is the one answered.
     */
    @Test
    void theAnswerCarriesItsLengthAndIsNotChunked() throws Exception {
        UUID clientId = UUID.randomUUID();
        byte[] body = check(clientId, southGate, "RESIDENT", "36.4", "GREEN", "SCANNED", clock.instant().minus(1, ChronoUnit.HOURS))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String raw;
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            String head = "POST /api/v1/checks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Api-Key: " + estate.deviceKey() + "\r\nX-Forwarded-For: " + TestClient.newAddress() + "\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        String answer = raw.substring(raw.indexOf("\r\n\r\n") + 4);

        assertThat(headers).startsWith("http/1.1 201").doesNotContain("transfer-encoding");
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: (\\d+)").matcher(headers);
        assertThat(length.find()).as(headers).isTrue();
        assertThat(Integer.parseInt(length.group(1))).isEqualTo(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        long stored = jdbc.sql("SELECT id FROM access_check WHERE client_id = :c").param("c", clientId).query(Long.class).single();
        assertThat(answer).startsWith("{\"checkId\":" + stored + ",\"clientId\":\"" + clientId + "\"").endsWith("}");
    }

    @Test
    void aRetryAfterItsTimeLeftTheWindowIsStillAnsweredAsAReplay() {
        UUID clientId = UUID.randomUUID();
        Instant happened = clock.instant().minus(23, ChronoUnit.HOURS);
        String body = check(clientId, southGate, "COURIER", "36.4", "GREEN", "SCANNED", clock.instant().minus(120, ChronoUnit.HOURS))
                .replace("\"direction\":\"IN\"", "\"direction\":\"IN\",\"occurredAt\":\"" + happened + "\"");
        var first = terminal.postJson("/api/v1/checks", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).contains("\"verdict\":\"REFUSE\"").contains("NAT_EXPIRED");

        clock.advance(java.time.Duration.ofHours(2));   // the check's time is now 25 h ago: a new check that old is refused
        var retry = terminal.postJson("/api/v1/checks", body);
        var fresh = terminal.postJson("/api/v1/checks", body.replace(clientId.toString(), UUID.randomUUID().toString()));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).contains("\"replayed\":true").contains("\"verdict\":\"REFUSE\"").contains("NAT_EXPIRED");
        assertThat(fresh.status()).isEqualTo(400);
        assertThat(fresh.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE client_id = :c").param("c", clientId)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** The terminal's entrance is kept for a few seconds (issue 12 section 4); closing it still applies to the next check. */
    @Test
    void closingTheEntranceRefusesTheVeryNextCheckThere() {
        var before = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "VISITOR", "36.4",
                "GREEN", "SCANNED", clock.instant().minus(10, ChronoUnit.HOURS)));
        assertThat(before.body()).contains("\"verdict\":\"ALLOW\"");

        entrances.setOpen(southGate, false, estate.admin().user());
        var after = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "VISITOR", "36.4",
                "GREEN", "SCANNED", clock.instant().minus(10, ChronoUnit.HOURS)));

        assertThat(after.status()).isEqualTo(201);
        assertThat(after.body()).contains("\"verdict\":\"REFUSE\"").contains("ENTRANCE_CLOSED");
    }

    @Test
    void implausibleTemperaturesAreRejectedAndNothingIsWritten() {
        long before = checksAt(estate.id());
        for (String t : new String[]{"20", "45", "-1"}) {
            var r = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "RESIDENT", t, "GREEN", "SCANNED", null));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).contains("evidence.temperature.celsius");
        }
        assertThat(checksAt(estate.id())).isEqualTo(before);
    }

    @Test
    void missingFieldsMalformedAndOversizedJsonGetClearErrors() {
        long before = checksAt(estate.id());
        var missing = terminal.postJson("/api/v1/checks", "{\"clientId\":\"" + UUID.randomUUID() + "\",\"evidence\":{}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("direction").contains("category");

        var malformed = terminal.postJson("/api/v1/checks", "{\"clientId\": oops");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at com.");

        var badEnum = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "ALIEN", "36.5", null, null, null));
        assertThat(badEnum.status()).isEqualTo(400);

        var oversized = terminal.postJson("/api/v1/checks", "{\"personName\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(checksAt(estate.id())).isEqualTo(before);
    }

    @Test
    void aNatSampledInTheFutureIsRejected() {
        long before = checksAt(estate.id());
        var r = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "RESIDENT", "36.5", "GREEN", "SCANNED",
                clock.instant().plus(2, ChronoUnit.HOURS)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("核酸采样时间不能晚于现在");
        assertThat(checksAt(estate.id())).isEqualTo(before);
    }

    @Test
    void anUnknownEntranceOrAnotherEstatesEntranceWritesNothing() {
        long before = checksAt(estate.id());
        var unknown = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), 999_999, "RESIDENT", "36.5", null, null, null));
        assertThat(unknown.status()).isIn(403, 404);

        var other = data.estate(PolicyPreset.BEIJING_2022);
        var foreign = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), other.southGate(), "RESIDENT", "36.5", null, null, null));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(checksAt(estate.id())).isEqualTo(before);
        assertThat(checksAt(other.id())).isZero();
    }

    @Test
    void noKeyOrARevokedKeyIsUnauthorised() {
        var anonymous = TestClient.device(port, null).postJson("/api/v1/checks", "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        var admin = estate.admin().user();
        var issued = keys.issue(southGate, "临时测试终端", admin);
        var fresh = TestClient.device(port, issued.plainKey());
        assertThat(fresh.get("/api/v1/policy/current").status()).isEqualTo(200);

        keys.revoke(issued.id(), admin);
        assertThat(fresh.get("/api/v1/policy/current").status()).isEqualTo(401);
    }

    @Test
    void aFeverRefusalOpensAReportForTheCommunity() {
        var response = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "RESIDENT", "38.3",
                "GREEN", "SCANNED", clock.instant().minus(5, ChronoUnit.HOURS)));
        assertThat(response.body()).contains("FEVER");
        long checkId = Long.parseLong(response.body().replaceAll(".*\"checkId\":(\\d+).*", "$1"));

        // Committed with the check: there when the terminal has its answer.
        assertThat(jdbc.sql("SELECT kind FROM access_follow_up WHERE check_id = :c").param("c", checkId).query(String.class).list())
                .containsExactly("REPORT_COMMUNITY");
    }

    @Test
    void aVehicleIsRecordedOnePersonAtATimeEachWithTheirOwnEvidence() {
        UUID group = UUID.randomUUID();
        var resident = residents.resident(estate, "3", "1", "301", "住户司机");
        String driver = check(UUID.randomUUID(), southGate, "RESIDENT", "36.5", "GREEN", "SCANNED", clock.instant().minus(3, ChronoUnit.HOURS))
                .replace("\"personName\":\"测试骑手\"", "\"personName\":\"住户司机\",\"idNumber\":\"" + resident.idNumber() + "\"");
        String passenger = check(UUID.randomUUID(), southGate, "VISITOR", "38.0", "GREEN", "SCANNED", clock.instant().minus(3, ChronoUnit.HOURS));
        var response = terminal.postJson("/api/v1/checks/group", """
                {"groupId":"%s","entranceId":%d,"vehicle":{"plate":"苏E12345","residentVehicle":true},"members":[%s,%s]}"""
                .formatted(group, southGate, driver, passenger));

        assertThat(response.status()).isEqualTo(201);
        var rows = jdbc.sql("SELECT decision || ':' || vehicle_plate FROM access_check WHERE group_id = :g ORDER BY id")
                .param("g", group).query(String.class).list();
        assertThat(rows).containsExactly("ALLOW:苏E12345", "REFUSE:苏E12345");
    }

    @Test
    void aGroupWithOneInvalidMemberWritesNoneOfThem() {
        UUID group = UUID.randomUUID();
        String good = check(UUID.randomUUID(), southGate, "RESIDENT", "36.5", "GREEN", "SCANNED", null);
        String bad = check(UUID.randomUUID(), southGate, "RESIDENT", "20.0", "GREEN", "SCANNED", null);
        var response = terminal.postJson("/api/v1/checks/group", """
                {"groupId":"%s","entranceId":%d,"members":[%s,%s]}""".formatted(group, southGate, good, bad));

        assertThat(response.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE group_id = :g").param("g", group)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        var docs = TestClient.device(port, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/checks").contains("/api/v1/checks/group").contains("X-Api-Key");
    }

    @Test
    void checkListPagesThroughManyRecords() {
        clock.setToday(10, 0);   // the list opens on today: all 26 checks fall inside it, however late the suite runs
        for (int i = 0; i < 26; i++) {   // one more than a page
            assertThat(terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "RESIDENT", "36.5", "GREEN", "SCANNED",
                    clock.instant().minus(5, ChronoUnit.HOURS))).status()).isEqualTo(201);
        }
        var guard = estate.guard().login(port);
        var first = guard.get("/checks").body();
        assertThat(first).contains("共 26 条").contains("rel=\"next\"");
        String next = first.replaceAll("(?s).*<a rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        var second = guard.get(next).body();
        assertThat(second).contains("共 26 条").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(second.split("href=\"/checks/\\d+\"", -1)).hasSize(2);   // the 26th record alone
    }

    @Test
    void checkRecordsAreAppendOnly() {
        // A row trigger fires only on rows the statement touches, so the test writes the row it tries to change.
        var refused = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), southGate, "RESIDENT", "38.3",
                "GREEN", "SCANNED", clock.instant().minus(5, ChronoUnit.HOURS)));
        long checkId = Long.parseLong(refused.body().replaceAll(".*\"checkId\":(\\d+).*", "$1"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE access_check SET decision = 'ALLOW' WHERE id = :id").param("id", checkId).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_check WHERE id = :id").param("id", checkId).update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT decision FROM access_check WHERE id = :id").param("id", checkId).query(String.class).single())
                .isEqualTo("REFUSE");
    }

    private long checksAt(long estateId) {
        return jdbc.sql("SELECT count(*) FROM access_check WHERE estate_id = :e").param("e", estateId).query(Long.class).single();
    }
}
