package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorities' overview (issue 9, "Users and pages"): the street, district and city see every open
 * incident in their scope with its state and timings — since when the estate is locked down, the
 * reports made and late, the contacts confirmed and under management, the newest screening round's
 * progress — and never an incident of another street.
 */
@IntegrationTest
class EmergencyOverviewTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    Incidents incidents;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void theStreetSeesItsOwnOpenIncidentsWithLockdownReportsContactsAndScreeningAndNoOtherStreets() {
        TestData.Estate estate = data.estate(PolicyPreset.BEIJING_2022);
        TestData.Estate elsewhere = data.estate(PolicyPreset.BEIJING_2022);
        var patient = residents.resident(estate, "2", "1", "301", "病例甲");
        residents.resident(estate, "2", "1", "301", "同户乙");
        residents.resident(estate, "2", "1", "101", "低层丙");
        IncidentId incident = incidents.open(new OpenIncident(new EstateId(estate.id()), false, IncidentKind.CONFIRMED, "病例甲", null,
                patient.idNumber(), CaseSource.REGISTER, String.valueOf(patient.id()), clock.instant().minus(Duration.ofHours(1)), null,
                "定点医院"), estate.admin().user());
        incidents.open(new OpenIncident(new EstateId(elsewhere.id()), false, IncidentKind.SUSPECTED, "外街丁", null, null,
                CaseSource.NEW, null, clock.instant().minus(Duration.ofHours(2)), null, "家中"), elsewhere.admin().user());
        String path = "/emergency/incidents/" + incident.value();

        TestClient admin = estate.admin().login(port);
        admin.get(path + "/lockdown");
        assertThat(admin.postForm(path + "/lockdown", Map.of("source", "preset:QUANZHOU_2021_EMERGENCY", "confirm", "true")).status())
                .isEqualTo(302);
        assertThat(admin.postForm(path + "/reports", Map.of("recipient", "COMMUNITY", "channel", "PHONE", "reporter", "防疫管理员 周"))
                .status()).isEqualTo(302);
        clock.advance(Duration.ofMinutes(150));
        assertThat(admin.postForm(path + "/reports", Map.of("recipient", "CDC", "channel", "PHONE", "reporter", "防疫管理员 周"))
                .status()).isEqualTo(302);
        admin.get(path + "/contacts");
        String spouseIdentity = identity(admin, path, "同户乙");
        assertThat(admin.postForm(path + "/contacts/decide", Map.of("identity", spouseIdentity, "tier", "CLOSE")).status()).isEqualTo(302);
        var at = clock.localNow().truncatedTo(ChronoUnit.MINUTES);
        admin.get(path + "/screening");
        assertThat(admin.postForm(path + "/screening", Map.of("startsAt", at.minusHours(1).toString(), "endsAt", at.plusHours(8).toString()))
                .status()).isEqualTo(302);
        long round = jdbc.sql("SELECT max(id) FROM emg_screening_round WHERE incident_id = :i").param("i", incident.value())
                .query(Long.class).single();
        String body = "code=S-1&result=NEGATIVE&sampledAt=" + at.minusMinutes(5) + "&members=R" + patient.id() + "&_csrf="
                + java.net.URLEncoder.encode(admin.csrfToken(), StandardCharsets.UTF_8);
        assertThat(admin.send("POST", "/emergency/screening/" + round + "/samples", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(302);
        String progress = admin.get("/emergency/screening/" + round + "/progress").body();
        int due = json.readTree(progress).get("total").get("due").asInt();
        assertThat(due).as("the household and the neighbour below, less the close contact; plus staff on site").isGreaterThan(1);

        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);
        String overview = street.get("/emergency").body();
        String row = row(overview, incident.value());
        assertThat(row).contains(estate.name()).contains("病**").contains("处置中");
        assertThat(row).as("locked down since").contains(" 起");
        assertThat(row).as("two reports, one late").contains("<span>2</span>").contains("1 次逾期");
        assertThat(between(row, "contacts-managed", "</td>")).as("confirmed / under management").contains("1 / 1");
        assertThat(between(row, "screening-progress", "</td>")).contains("第1轮 1/" + due);
        assertThat(overview).doesNotContain(elsewhere.name()).doesNotContain("外**");

        assertThat(data.authority(estate, Role.DISTRICT_AUTHORITY).login(port).get("/emergency").body())
                .contains(estate.name()).doesNotContain(elsewhere.name());
        String theirs = data.authority(elsewhere, Role.STREET_AUTHORITY).login(port).get("/emergency").body();
        assertThat(theirs).contains(elsewhere.name()).contains("外**").doesNotContain(estate.name());
        assertThat(data.authority(elsewhere, Role.STREET_AUTHORITY).login(port).get(path).status()).isEqualTo(404);
    }

    private String identity(TestClient admin, String path, String name) {
        for (var n : json.readTree(admin.get(path + "/contacts/list.json").body()).get("contacts")) {
            if (n.get("name").asString().equals(name)) {
                return n.get("identity").asString();
            }
        }
        throw new AssertionError(name + " not a candidate");
    }

    private static String row(String page, long incident) {
        return between(page, "data-incident=\"" + incident + "\"", "</tr>");
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isGreaterThan(0);
        return page.substring(from, page.indexOf(end, from));
    }
}
