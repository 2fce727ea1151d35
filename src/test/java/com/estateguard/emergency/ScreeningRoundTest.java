package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.healthdata.HealthRegisters;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A NAT screening round over HTTP (EMG-08), at an estate of the test's own: four residents (one of
 * them goes out through the gate) and two staff on shift. Who is due is computed; results arrive by
 * the NAT register and by samples entered on site; a positive pool lists its members to re-test.
 */
@IntegrationTest
class ScreeningRoundTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    Incidents incidents;
    @Autowired
    HealthRegisters registers;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate estate;
    ResidentsTestData.Resident home;
    ResidentsTestData.Resident away;
    ResidentsTestData.Resident pooledA;
    ResidentsTestData.Resident pooledB;
    IncidentId incident;

    @BeforeEach
    void anEstateWithAnIncident() {
        estate = data.estate(PolicyPreset.QUANZHOU_2021);
        home = residents.resident(estate, "1号楼", "1单元", "101", "留守甲");
        away = residents.resident(estate, "1号楼", "1单元", "102", "外出乙");
        pooledA = residents.resident(estate, "2号楼", "1单元", "201", "混管丙");
        pooledB = residents.resident(estate, "2号楼", "1单元", "202", "混管丁");
        incident = incidents.open(new OpenIncident(new EstateId(estate.id()), false, IncidentKind.CONFIRMED, "病例某", null, null,
                CaseSource.NEW, null, null, clock.instant().minus(Duration.ofHours(5)), "定点医院"), estate.admin().user());
    }

    @Test
    void dueIsComputedAndResultsMoveProgressUntilOnlyTheUntestedRemainInTheExport() throws Exception {
        var pass = estate.terminal(port).postJson("/api/v1/checks", passage(away.idNumber(), "OUT"));
        assertThat(pass.status()).isEqualTo(201);
        var admin = estate.admin().login(port);
        long round = openRound(admin);

        var page = admin.get("/emergency/screening/" + round);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("留守甲", "混管丙", "混管丁", estate.guard().user().displayName(), estate.admin().user().displayName())
                .doesNotContain("外出乙");
        assertThat(progress(admin, round)).contains("\"due\":5,\"tested\":0,");

        registers.record(HealthRegisters.Kind.NAT, home.idNumber(), home.name(), clock.instant().minus(Duration.ofMinutes(20)), "NEGATIVE", "import");
        assertThat(sample(admin, round, "P-001", true, "POSITIVE", "R" + pooledA.id(), "R" + pooledB.id()).status()).isEqualTo(302);
        assertThat(sample(admin, round, "S-001", false, "NEGATIVE", "S" + estate.guard().id()).status()).isEqualTo(302);

        String json = progress(admin, round);
        assertThat(json).contains("\"due\":5,\"tested\":2,\"negative\":2,\"positive\":0,\"retest\":2,\"untested\":1");
        assertThat(json).contains("\"building\":\"2号楼\",\"unit\":\"1单元\",\"due\":2,\"tested\":0,\"negative\":0,\"positive\":0,\"retest\":2");
        String retest = section(admin.get("/emergency/screening/" + round).body(), "id=\"retest-list\"");
        assertThat(retest).contains("混管丙", "混管丁");

        assertThat(sample(admin, round, "S-002", false, "NEGATIVE", "R" + pooledA.id()).status()).isEqualTo(302);
        retest = section(admin.get("/emergency/screening/" + round).body(), "id=\"retest-list\"");
        assertThat(retest).contains("混管丁").doesNotContain("混管丙");
        assertThat(progress(admin, round)).contains("\"due\":5,\"tested\":3,\"negative\":3,\"positive\":0,\"retest\":1,\"untested\":1");

        var xlsx = admin.getBytes("/emergency/screening/" + round + "/untested.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> untested = wb.getFirstSheet().read();
            assertThat(untested).hasSize(2);
            assertThat(untested.get(1).getCellText(3)).isEqualTo(estate.admin().user().displayName());
            List<Row> toRetest = wb.getSheets().toList().get(1).read();
            assertThat(toRetest).extracting(r -> r.getCellText(3)).containsExactly("姓名", "混管丁");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE estate_id = :e AND action = 'EXPORT'").param("e", estate.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(incidents.timeline(incident, estate.admin().user())).extracting(IncidentLogEntry::kind)
                .contains("SCREENING_ROUND", "SCREENING_POOL_POSITIVE");
    }

    @Test
    void someoneNotDueCannotBeSampledAndAnotherEstateSeesNothing() {
        var admin = estate.admin().login(port);
        long round = openRound(admin);
        var stranger = residents.resident(data.estate(PolicyPreset.QUANZHOU_2021), "9号楼", "1单元", "901", "外人");
        var refused = sample(admin, round, "S-009", false, "NEGATIVE", "R" + stranger.id());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("所选人员不在本轮应检名单中");

        var other = data.estate(PolicyPreset.QUANZHOU_2021).admin().login(port);
        assertThat(other.get("/emergency/screening/" + round).status()).isEqualTo(404);
        assertThat(other.getBytes("/emergency/screening/" + round + "/untested.xlsx").statusCode()).isEqualTo(404);
        assertThat(estate.guard().login(port).get("/emergency/screening/" + round).status()).isEqualTo(403);
    }

    private long openRound(com.estateguard.TestClient admin) {
        var now = clock.localNow().truncatedTo(ChronoUnit.MINUTES);
        assertThat(admin.get("/emergency/incidents/" + incident.value() + "/screening").body()).contains("round-form");
        var opened = admin.postForm("/emergency/incidents/" + incident.value() + "/screening",
                Map.of("startsAt", now.minusHours(1).toString(), "endsAt", now.plusHours(10).toString()));
        assertThat(opened.status()).isEqualTo(302);
        return jdbc.sql("SELECT max(id) FROM emg_screening_round WHERE incident_id = :i").param("i", incident.value()).query(Long.class).single();
    }

    private com.estateguard.TestClient.Response sample(com.estateguard.TestClient admin, long round, String code, boolean pooled, String result,
                                                       String... members) {
        StringBuilder body = new StringBuilder("code=" + code + "&result=" + result + "&sampledAt="
                + clock.localNow().truncatedTo(ChronoUnit.MINUTES).minusMinutes(5) + (pooled ? "&pooled=true" : ""));
        for (String m : members) {
            body.append("&members=").append(m);
        }
        body.append("&_csrf=").append(java.net.URLEncoder.encode(admin.csrfToken(), java.nio.charset.StandardCharsets.UTF_8));
        return admin.send("POST", "/emergency/screening/" + round + "/samples", "application/x-www-form-urlencoded",
                body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
    }

    private static String progress(com.estateguard.TestClient admin, long round) {
        var response = admin.get("/emergency/screening/" + round + "/progress");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static String section(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isPositive();
        return page.substring(at, page.indexOf("</table>", at));
    }

    private String passage(String idNumber, String direction) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"%s","category":"RESIDENT","personName":"住户","idNumber":"%s",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"外出","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), direction, idNumber, clock.instant().minus(10, ChronoUnit.HOURS));
    }
}
