package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8, findings 1 and 4 and build item 3 at the gate: nothing invented decides an entry. A demo
 * result is never the sole ground for ALLOW, a code typed by hand is not a scan, and a status the
 * server cannot check is stored as the claim of the device that sent it. Each test has an estate of
 * its own under the Beijing 2022 preset.
 */
@IntegrationTest
class GateTrustTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;

    TestData.Estate estate;
    TestClient terminal;

    @BeforeEach
    void anEstateWithATerminalAtTheSouthGate() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
        terminal = estate.terminal(port);
    }

    // ------------------------------------------------------------------ finding 1: the demo source

    @Test
    void aDemoCodeWithEverythingElseInOrderIsReferredNotAllowed() {
        UUID clientId = UUID.randomUUID();
        String body = terminalCheck(clientId, "\"DEMO:" + Fixtures.newIdNumber() + ":GREEN:x\"", null,
                clock.instant().minus(Duration.ofHours(10)));

        var response = terminal.postJson("/api/v1/checks", body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"verdict\":\"REFER\"")
                .contains("\"reasons\":[{\"code\":\"DEMO_SOURCE_ONLY\"")
                .contains("\"source\":\"DEMO\",\"demo\":true");
        // Labelled wherever it shows: the check list and the check's page.
        var admin = estate.admin().login(port);
        String demoTag = "class=\"tag demo\">演示数据<";
        assertThat(admin.get("/checks").body()).contains(demoTag);
        assertThat(admin.get("/checks/" + stored(clientId).get("id")).body())
                .contains(demoTag).contains("健康码/核酸结果仅来自演示数据源，不能作为放行依据");
    }

    @Test
    void theSameDemoPersonGetsTheSameAnswerEveryTimeAndNeverAllow() {
        String payload = "\"DEMO:" + Fixtures.newIdNumber() + ":GREEN:x\"";
        List<String> answers = new java.util.ArrayList<>();
        for (Duration later : List.of(Duration.ZERO, Duration.ofHours(5), Duration.ofHours(11))) {
            clock.reset();
            clock.advance(later);
            UUID clientId = UUID.randomUUID();
            var response = terminal.postJson("/api/v1/checks", terminalCheck(clientId, payload, null, null));
            assertThat(response.status()).isEqualTo(201);
            var stored = stored(clientId);
            assertThat(stored.get("decision")).isNotEqualTo("ALLOW");
            assertThat(stored.get("codes")).contains("DEMO_SOURCE_ONLY");
            answers.add(stored.get("decision") + " " + stored.get("codes"));
        }
        assertThat(answers).as("one answer for one person, whatever the time").containsOnly(answers.get(0));
    }

    @Test
    void aRegisteredPersonIsDecidedByTheRegisterWithNoDemoLabel() {
        String id = data.registeredPerson("登记访客", Duration.ofHours(10), "NEGATIVE", "GREEN");

        var response = terminal.postJson("/api/v1/checks", terminalCheck(UUID.randomUUID(), "\"HC:" + id + "\"", null, null));

        assertThat(response.body()).contains("\"verdict\":\"ALLOW\"").contains("\"reasons\":[]").doesNotContain("\"demo\":true");
    }

    // ------------------------------------------------------------------ finding 4: typed is not scanned

    @Test
    void aCodeTypedOnTheGatePageIsRecordedAsTypedAndRefused() {
        String id = data.registeredPerson("手输访客", Duration.ofHours(10), "NEGATIVE", "GREEN");
        var guard = estate.guard().login(port);
        guard.get("/gate?shift=" + shift());

        UUID noWord = UUID.randomUUID();
        var page = guard.postForm("/gate/check", gateCheck(noWord, id, null));
        UUID typed = UUID.randomUUID();
        guard.postForm("/gate/check", gateCheck(typed, id, "TYPED"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("劝返").contains("手输的码不能代替扫码");
        for (UUID clientId : List.of(noWord, typed)) {
            var stored = stored(clientId);
            assertThat(stored.get("decision")).isEqualTo("REFUSE");
            assertThat(stored.get("codes")).isEqualTo("{CODE_TYPED_NOT_SCANNED}");
            assertThat(stored.get("evidence")).contains("\"acquisition\": \"TYPED\"").contains("\"input\": \"TYPED\"");
        }
        String detail = estate.admin().login(port).get("/checks/" + stored(typed).get("id")).body();
        assertThat(detail).contains("手输");
    }

    @Test
    void aCodeFromTheScannerOrTheCameraIsAScan() {
        String id = data.registeredPerson("扫码访客", Duration.ofHours(10), "NEGATIVE", "GREEN");
        var guard = estate.guard().login(port);
        guard.get("/gate?shift=" + shift());

        for (String input : List.of("SCANNER", "CAMERA")) {
            UUID clientId = UUID.randomUUID();
            var page = guard.postForm("/gate/check", gateCheck(clientId, id, input));
            assertThat(page.body()).contains("放行");
            var stored = stored(clientId);
            assertThat(stored.get("decision")).isEqualTo("ALLOW");
            assertThat(stored.get("evidence")).contains("\"acquisition\": \"SCANNED\"").contains("\"input\": \"" + input + "\"");
        }
    }

    @Test
    void aTerminalsTypedCodeIsRefusedButItsOwnReadingCountsAsAScan() {
        String id = data.registeredPerson("终端访客", Duration.ofHours(10), "NEGATIVE", "GREEN");

        var typed = terminal.postJson("/api/v1/checks", terminalCheck(UUID.randomUUID(), "\"HC:" + id + "\"", "TYPED", null));
        var scanned = terminal.postJson("/api/v1/checks", terminalCheck(UUID.randomUUID(), "\"HC:" + id + "\"", null, null));

        assertThat(typed.body()).contains("\"verdict\":\"REFUSE\"").contains("CODE_TYPED_NOT_SCANNED");
        assertThat(scanned.body()).contains("\"verdict\":\"ALLOW\"").contains("\"acquisition\":\"SCANNED\"");
    }

    @Test
    void theApiDocumentsThatOnlyATerminalsReadingCountsAsAScanByDefault() {
        var docs = TestClient.device(port, null).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"codeInput\"").contains("SCANNER").contains("CAMERA")
                .contains("A terminal authenticated by its device key may leave it out")
                .contains("\"claimedBy\"").contains("never verified");
    }

    // ------------------------------------------------------------------ build item 3: who vouched

    @Test
    void aStatusTheTerminalReadItselfIsStoredAsThatDevicesClaim() {
        long keyId = jdbc.sql("SELECT id FROM iam_device_key WHERE estate_id = :e").param("e", estate.id()).query(Long.class).single();
        String deviceName = estate.name() + " 南门测温核验一体机（测试）";
        UUID clientId = UUID.randomUUID();
        String body = terminalCheck(clientId, null, null, clock.instant().minus(Duration.ofHours(10)))
                .replace("\"evidence\":{", "\"evidence\":{\"healthCode\":{\"status\":\"GREEN\",\"acquisition\":\"SCANNED\","
                        + "\"source\":\"integrated-terminal\",\"claimedBy\":{\"actor\":\"REGISTER\",\"name\":\"平台\"}},");

        var response = terminal.postJson("/api/v1/checks", body);

        assertThat(response.status()).isEqualTo(201);
        String claim = "\"claimedBy\":{\"actor\":\"device:key-" + keyId + "\",\"name\":\"" + deviceName + "\"}";
        assertThat(response.body()).contains(claim).doesNotContain("\"actor\":\"REGISTER\"");
        var stored = stored(clientId);
        assertThat(stored.get("evidence")).contains("device:key-" + keyId).contains(deviceName);

        String detail = estate.admin().login(port).get("/checks/" + stored.get("id")).body();
        assertThat(detail).contains("id=\"code-claim\"").contains(deviceName + " · device:key-" + keyId + " 的声明（平台未核实）");
    }

    @Test
    void aCodeTheServerResolvedIsNobodysClaim() {
        String id = data.registeredPerson("核实访客", Duration.ofHours(10), "NEGATIVE", "GREEN");
        UUID clientId = UUID.randomUUID();

        terminal.postJson("/api/v1/checks", terminalCheck(clientId, "\"HC:" + id + "\"", null, null));

        assertThat(stored(clientId).get("evidence")).contains("\"source\": \"REGISTER\"").doesNotContain("claimedBy\": {");
        String detail = estate.admin().login(port).get("/checks/" + stored(clientId).get("id")).body();
        assertThat(detail).doesNotContain("id=\"code-claim\"");
    }

    // ------------------------------------------------------------------ helpers

    /** A visitor with every other check in order; the NAT only when given (else the sources are asked). */
    private String terminalCheck(UUID clientId, String scannedCodeJson, String codeInput, Instant natSampled) {
        String nat = natSampled == null ? "" : ",\"nat\":{\"sampledAt\":\"%s\",\"result\":\"NEGATIVE\"}".formatted(natSampled);
        return """
                {"clientId":"%s","direction":"IN","category":"VISITOR","scannedCode":%s,"codeInput":%s,
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "credential":{"type":"ID_DOCUMENT","verified":true},
                   "answers":{"destination":"3号楼 探亲","symptoms":false},"mask":true%s}}"""
                .formatted(clientId, scannedCodeJson == null ? "null" : scannedCodeJson,
                        codeInput == null ? "null" : "\"" + codeInput + "\"", nat);
    }

    /** What the gate page posts for a visitor whose NAT and code are in the registers. */
    private Map<String, String> gateCheck(UUID clientId, String idNumber, String codeInput) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("clientId", clientId.toString(), "shiftId", String.valueOf(shift()),
                "mode", "SINGLE", "direction", "IN", "category", "VISITOR", "scannedCode", idNumber, "temperature", "36.5",
                "credentialType", "ID_DOCUMENT", "credentialVerified", "true", "destination", "3号楼 探亲"));
        form.put("symptoms", "false");
        form.put("mask", "true");
        if (codeInput != null) {
            form.put("codeInput", codeInput);
        }
        return form;
    }

    private long shift() {
        return jdbc.sql("SELECT id FROM access_shift WHERE estate_id = :e AND starts_at <= :now AND ends_at > :now")
                .param("e", estate.id()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    private Map<String, String> stored(UUID clientId) {
        return jdbc.sql("""
                        SELECT id, decision, array_to_string(reason_codes, ',') AS codes, access_check_evidence(evidence)::text AS evidence
                          FROM access_check WHERE client_id = :c""")
                .param("c", clientId)
                .query((rs, i) -> Map.of("id", rs.getString("id"), "decision", rs.getString("decision"),
                        "codes", "{" + rs.getString("codes") + "}", "evidence", rs.getString("evidence")))
                .single();
    }
}
