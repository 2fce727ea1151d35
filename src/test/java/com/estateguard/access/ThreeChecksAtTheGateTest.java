package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.internal.FollowUps;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.PolicyPreset;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "一测二问三核查" (001, ACC-08; trust issue, item 10) end to end: under Huachuan 2021 a visitor
 * whose travel code (行程码) was not checked is turned away, one with the ID, the residence permit
 * and a normal travel code is let in, and the three are kept with the check record, sent by a
 * terminal or tapped by the guard on the gate page. Under Beijing 2022 nothing changes.
 */
@IntegrationTest
class ThreeChecksAtTheGateTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FollowUps followUps;

    @Test
    void huachuanRefusesAVisitorWithoutTheTravelCodeAndAllowsOneWithAllThreeChecked() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient terminal = estate.terminal(port);

        var unchecked = terminal.postJson("/api/v1/checks", visitor(estate.southGate(), null));
        assertThat(unchecked.status()).isEqualTo(201);
        assertThat(unchecked.body()).contains("\"verdict\":\"REFUSE\"").contains("MISSING_TRAVEL_CODE")
                .doesNotContain("MISSING_ID_DOCUMENT");

        var checked = terminal.postJson("/api/v1/checks", visitor(estate.southGate(),
                "{\"idDocument\":true,\"residencePermit\":true,\"travelCode\":\"NORMAL\"}"));
        assertThat(checked.status()).isEqualTo(201);
        assertThat(checked.body()).contains("\"verdict\":\"ALLOW\"").contains("\"reasons\":[]");
        assertThat(storedThreeChecks(checkId(checked.body())))
                .contains("\"idDocument\": true").contains("\"residencePermit\": true").contains("\"travelCode\": \"NORMAL\"");
    }

    @Test
    void huachuanTurnsAwayARiskAreaTravelCodeReportsItAndRefersAStar() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient terminal = estate.terminal(port);

        var risk = terminal.postJson("/api/v1/checks", visitor(estate.southGate(), "{\"idDocument\":true,\"travelCode\":\"RISK_AREA\"}"));
        assertThat(risk.body()).contains("\"verdict\":\"REFUSE\"").contains("TRAVEL_CODE_RISK");
        assertThat(followUps.forCheck(checkId(risk.body()))).extracting(FollowUps.FollowUpView::kind)
                .containsExactly(FollowUpKind.REPORT_COMMUNITY);

        var starred = terminal.postJson("/api/v1/checks", visitor(estate.southGate(), "{\"idDocument\":true,\"travelCode\":\"STARRED\"}"));
        assertThat(starred.body()).contains("\"verdict\":\"REFER\"").contains("TRAVEL_CODE_STARRED");
    }

    @Test
    void beijingDecidesAsBeforeWithOrWithoutTheThreeChecks() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        TestClient terminal = estate.terminal(port);

        var oldClient = terminal.postJson("/api/v1/checks", visitor(estate.southGate(), null));
        assertThat(oldClient.status()).isEqualTo(201);
        assertThat(oldClient.body()).contains("\"verdict\":\"ALLOW\"").contains("\"reasons\":[]");

        var riskArea = terminal.postJson("/api/v1/checks", visitor(estate.southGate(), "{\"travelCode\":\"RISK_AREA\"}"));
        assertThat(riskArea.body()).contains("\"verdict\":\"ALLOW\"").contains("\"reasons\":[]");
    }

    @Test
    void anUnknownTravelCodeIsBadInputAndStoresNothing() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var response = estate.terminal(port).postJson("/api/v1/checks", visitor(estate.southGate(), "{\"travelCode\":\"PURPLE\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM access_check WHERE estate_id = :e").param("e", estate.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheThreeChecks() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String spec = estate.admin().login(port).get("/v3/api-docs").body();
        assertThat(spec).contains("threeChecks").contains("residencePermit").contains("RISK_AREA");
    }

    @Test
    void theGuardTapsTheThreeChecksOnTheGatePageAndTheyShowOnTheRecord() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient guard = estate.guard().login(port);
        long shift = jdbc.sql("SELECT id FROM access_shift WHERE entrance_id = :n AND starts_at <= :now AND ends_at > :now")
                .param("n", estate.southGate()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        String page = guard.get("/gate?shift=" + shift).body();
        assertThat(page).contains("三核查").contains("已核验身份证").contains("已核验居住证").contains("name=\"travelCode\"");

        String refused = guard.postForm("/gate/check", gateForm(shift, Map.of("idDocumentChecked", "true"))).body();
        assertThat(refused).contains("未查验行程码").doesNotContain("未核验身份证");

        String tapped = guard.postForm("/gate/check", gateForm(shift,
                Map.of("idDocumentChecked", "true", "residencePermitChecked", "true", "travelCode", "STARRED"))).body();
        assertThat(tapped).contains("行程码带星").doesNotContain("未查验行程码").doesNotContain("未核验身份证");

        long last = jdbc.sql("SELECT max(id) FROM access_check WHERE estate_id = :e").param("e", estate.id()).query(Long.class).single();
        assertThat(storedThreeChecks(last)).contains("\"travelCode\": \"STARRED\"").contains("\"idDocument\": true");
        TestClient admin = estate.admin().login(port);
        assertThat(admin.get("/checks/" + last).body()).contains("三核查").contains("身份证 ✓").contains("居住证 ✓").contains("行程码 带星");
        assertThat(admin.get("/checks?estate=" + estate.id()).body()).contains("三核查：身✓居✓行:带星");
    }

    @Test
    void theBeijingGatePageKeepsTheThreeChecksFolded() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        TestClient guard = estate.guard().login(port);
        long shift = jdbc.sql("SELECT id FROM access_shift WHERE entrance_id = :n AND starts_at <= :now AND ends_at > :now")
                .param("n", estate.southGate()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        String page = guard.get("/gate?shift=" + shift).body();
        assertThat(page).contains("三核查").doesNotContain("<details open");
    }

    @Test
    void thePolicyEditorShowsTheThreeChecksPerCategoryAndWhatATravelCodeMayShow() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        TestClient city = data.authority(estate, com.estateguard.common.Role.CITY_AUTHORITY).login(port);

        String huachuan = city.get("/policies/new?preset=HUACHUAN_2021").body();
        assertThat(huachuan).contains("身份证", "居住证", "行程码", "行程码带星可放行", "行程码显示到过中高风险地区可放行")
                .contains("name=\"req_VISITOR\" value=\"TRAVEL_CODE\" checked")
                .contains("name=\"req_TENANT\" value=\"RESIDENCE_PERMIT\" checked")
                .contains("name=\"req_RESIDENT\" value=\"TRAVEL_CODE\">")
                .contains("name=\"travelCode.starAllowed\" value=\"true\">");

        String beijing = city.get("/policies/new?preset=BEIJING_2022").body();
        assertThat(beijing).contains("name=\"req_VISITOR\" value=\"TRAVEL_CODE\">")
                .contains("name=\"travelCode.starAllowed\" value=\"true\" checked");
    }

    private Map<String, String> gateForm(long shift, Map<String, String> threeChecks) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("clientId", UUID.randomUUID().toString(),
                "shiftId", String.valueOf(shift), "mode", "SINGLE", "direction", "IN", "category", "VISITOR",
                "personName", "访客三核查", "temperature", "36.5", "destination", "3号楼 探亲", "symptoms", "false",
                "mask", "true"));
        form.putAll(threeChecks);
        return form;
    }

    private String storedThreeChecks(long checkId) {
        return jdbc.sql("SELECT jsonb_pretty(access_check_evidence(evidence) -> 'threeChecks') FROM access_check WHERE id = :id")
                .param("id", checkId).query(String.class).single();
    }

    private static long checkId(String body) {
        return Long.parseLong(body.replaceAll("(?s).*\"checkId\":(\\d+).*", "$1"));
    }

    /** A visitor who passes every other check of both presets; {@code threeChecks} is left out when null (an older client). */
    private String visitor(long gate, String threeChecks) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"三核查访客",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"3号楼探亲","symptoms":false},"mask":true%s}}"""
                .formatted(UUID.randomUUID(), gate, clock.instant().minus(10, ChronoUnit.HOURS),
                        threeChecks == null ? "" : ",\"threeChecks\":" + threeChecks);
    }
}
