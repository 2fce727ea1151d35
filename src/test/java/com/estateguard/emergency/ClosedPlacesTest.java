package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Places the case visited (EMG-05, EMG-09) over HTTP: closing one of hygiene's places and one from
 * the case's account makes a terminal-disinfection task for each in hygiene (by the PlaceClosed
 * event) and shows them on the cleaner's page; reopening waits for a passing assessment.
 */
@IntegrationTest
class ClosedPlacesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    LedgersTestData data;
    @Autowired
    Places places;
    @Autowired
    Incidents incidents;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    LedgersTestData.Site site;
    TestData.Person cleaner;
    long lobby;
    IncidentId incident;

    @BeforeEach
    void anEstateWithAPlaceACleanerAndAnIncident() {
        site = data.site(PolicyPreset.BEIJING_2022);
        cleaner = data.member(site, Role.CLEANER, "保洁");
        lobby = places.add(site.id(), new PlaceForm("3号楼大堂", PlaceType.LOBBY, null, null, null, null, null, null), site.admin().user());
        incident = incidents.open(new OpenIncident(new EstateId(site.id()), false, IncidentKind.CONFIRMED, "病例某", null, null,
                CaseSource.NEW, null, null, clock.instant().minus(Duration.ofHours(5)), "定点医院"), site.admin().user());
    }

    @Test
    void closingMakesTerminalTasksOnTheCleanersPageAndReopeningWaitsForAPassingAssessment() {
        var admin = site.admin().login(port);
        admin.get("/emergency/incidents/" + incident.value() + "/places");
        var closed = admin.postForm("/emergency/incidents/" + incident.value() + "/places",
                Map.of("placeIds", Long.toString(lobby), "account", "小区便利店\n"));
        assertThat(closed.status()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM hyg_terminal_task WHERE estate_id = :e")
                .param("e", site.id()).query(Long.class).single() == 2);
        assertThat(jdbc.sql("SELECT place_id FROM hyg_terminal_task WHERE estate_id = :e AND place_name = '3号楼大堂'")
                .param("e", site.id()).query(Long.class).single()).isEqualTo(lobby);
        var tasks = cleaner.login(port).get("/hygiene/tasks").body();
        assertThat(tasks).contains("封闭场所", "终末消毒任务", "3号楼大堂", "小区便利店", "待终末消毒");

        long closure = jdbc.sql("SELECT id FROM emg_closed_place WHERE incident_id = :i AND name = '3号楼大堂'")
                .param("i", incident.value()).query(Long.class).single();
        admin.get("/emergency/incidents/" + incident.value() + "/places");
        var early = admin.postForm("/emergency/closed-places/" + closure + "/reopen", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("还没有合格的终末消毒评估");

        assess(admin, closure, "false");
        assertThat(admin.postForm("/emergency/closed-places/" + closure + "/reopen", Map.of()).status()).isEqualTo(409);
        assess(admin, closure, "true");
        assertThat(admin.postForm("/emergency/closed-places/" + closure + "/reopen", Map.of()).status()).isEqualTo(302);

        String page = admin.get("/emergency/incidents/" + incident.value() + "/places").body();
        assertThat(page).contains("区疾控 李工");
        String after = cleaner.login(port).get("/hygiene/tasks").body();
        String closedList = after.substring(after.indexOf("id=\"closed-place-list\""), after.indexOf("</ul>", after.indexOf("id=\"closed-place-list\"")));
        assertThat(closedList).contains("小区便利店").doesNotContain("3号楼大堂");
        assertThat(incidents.timeline(incident, site.admin().user())).extracting(IncidentLogEntry::kind)
                .contains("PLACE_CLOSED", "PLACE_ASSESSED", "PLACE_REOPENED");
    }

    @Test
    void anotherEstatesAdminCannotCloseOrReopen() {
        var other = data.site(PolicyPreset.BEIJING_2022).admin().login(port);
        other.get("/");
        assertThat(other.postForm("/emergency/incidents/" + incident.value() + "/places", Map.of("account", "某处")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM emg_closed_place WHERE incident_id = :i").param("i", incident.value())
                .query(Long.class).single()).isZero();
    }

    private void assess(com.estateguard.TestClient admin, long closure, String passed) {
        admin.get("/emergency/incidents/" + incident.value() + "/places");
        var answer = admin.postFile("/emergency/closed-places/" + closure + "/assessments",
                Map.of("assessor", "区疾控 李工", "passed", passed, "note", "终末消毒后采样评估"), "photo", "site.png", PNG);
        assertThat(answer.status()).isEqualTo(302);
    }
}
