package com.estateguard.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.hygiene.internal.HygieneTasks;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hygiene ledger over HTTP: plan, the day's tasks, a cleaner's record judged and kept as entered, scope.
 * At an estate of the test's own under the Beijing 2022 preset, with its own cleaner.
 */
@IntegrationTest
class HygieneLedgerTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HygieneTasks tasks;
    @Autowired
    OrgDirectory org;
    @Autowired
    Places places;
    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;

    LedgersTestData.Site site;
    long estate;
    TestData.Person cleaner;
    String place = "测试大堂";

    @BeforeEach
    void aNewLobbyAndItsCleaner() {
        site = data.site(PolicyPreset.BEIJING_2022);
        estate = site.id();
        cleaner = data.member(site, Role.CLEANER, "保洁");
        var admin = site.admin().login(port);
        admin.get("/hygiene/estates/" + estate);
        var created = admin.postForm("/hygiene/estates/" + estate + "/places", Map.of("name", place, "type", "LOBBY",
                "timesPerDay", "", "minMgL", "", "maxMgL", "", "ventilationMinutes", "", "wipeHeightM", "", "agent", ""));
        assertThat(created.status()).isEqualTo(302);
    }

    private long firstTask() {
        cleaner.login(port).get("/hygiene/tasks");
        return jdbc.sql("""
                        SELECT t.id FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id
                         WHERE t.estate_id = :e AND p.name = :n AND t.task_date = :d ORDER BY t.slot LIMIT 1""")
                .param("e", estate).param("n", place).param("d", today()).query(Long.class).single();
    }

    private long tasksOf(long estateId) {
        return jdbc.sql("SELECT count(*) FROM hyg_task WHERE estate_id = :e AND task_date = :d")
                .param("e", estateId).param("d", today()).query(Long.class).single();
    }

    private LocalDate today() {
        return clock.today();
    }

    private Map<String, String> record(String mgL, String ventilation) {
        Map<String, String> f = new HashMap<>();
        f.put("doneAt", clock.localNow().withSecond(0).withNano(0).toString());
        f.put("agent", "CHLORINE");
        f.put("concentrationMgL", mgL);
        f.put("areaM2", "120.5");
        f.put("ventilationMinutes", ventilation);
        return f;
    }

    @Test
    void theDaysTasksAreMadeOnceFromThePlan() {
        firstTask();
        assertThat(tasksOf(estate)).isEqualTo(2);   // Beijing 2022: a lobby twice a day
        assertThat(tasks.ensure(org.estate(new EstateId(estate), "R/").orElseThrow(), today(), "test")).isZero();
    }

    @Test
    void aPlaceAddedHasTodaysTasksAndTheNightlyJobMakesTheNextDaysForEveryEstateOnce() {
        var other = data.site(PolicyPreset.BEIJING_2022);
        places.add(other.id(), new PlaceForm(place, PlaceType.LOBBY, null, null, null, null, null, null),
                other.admin().user());
        assertThat(tasksOf(estate)).as("made when the place was added").isEqualTo(2);
        assertThat(tasksOf(other.id())).isEqualTo(2);
        clock.advance(Duration.ofDays(1));
        assertThat(tasksOf(estate)).isZero();
        assertThat(tasksOf(other.id())).isZero();
        tasks.generateToday();
        tasks.generateToday();
        assertThat(tasksOf(estate)).isEqualTo(2);
        assertThat(tasksOf(other.id())).isEqualTo(2);
    }

    @Test
    void theCatchUpMakesTodaysTasksOfAPlaceThatHasNoneOnce() {
        jdbc.sql("""
                INSERT INTO hyg_place (estate_id, name, place_type, times_per_day, agent, min_mg_l, max_mg_l, created_by)
                VALUES (:e, '补做车库', 'CAR_PARK', 3, 'CHLORINE', 250, 500, 'test')""").param("e", estate).update();
        assertThat(tasksOf(estate)).as("the lobby's two, made when it was added").isEqualTo(2);
        assertThat(tasks.catchUpToday()).isGreaterThanOrEqualTo(3);
        assertThat(tasksOf(estate)).isEqualTo(5);
        tasks.catchUpToday();
        assertThat(tasksOf(estate)).isEqualTo(5);
        assertThat(site.admin().login(port).get("/hygiene/estates/" + estate).body()).contains("补做车库");
    }

    @Test
    void aWeakConcentrationIsKeptAsEnteredAndMarkedNonCompliant() {
        long task = firstTask();
        var cleaner = this.cleaner.login(port);
        cleaner.get("/hygiene/tasks/" + task);
        var response = cleaner.postForm("/hygiene/tasks/" + task, record("100", "10"));
        assertThat(response.status()).isEqualTo(302);
        var row = jdbc.sql("SELECT concentration_mg_l, ventilation_minutes, compliant, array_to_string(issues, ',') AS issues, created_by"
                        + " FROM hyg_record WHERE task_id = :t").param("t", task).query().singleRow();
        assertThat(row.get("concentration_mg_l")).isEqualTo(100);
        assertThat(row.get("ventilation_minutes")).isEqualTo(10);
        assertThat(row.get("compliant")).isEqualTo(false);
        assertThat(row.get("issues")).isEqualTo("CONCENTRATION_LOW,VENTILATION_SHORT");
        assertThat(row.get("created_by")).isEqualTo(this.cleaner.username());
        assertThat(cleaner.get("/hygiene/tasks").body()).contains("浓度偏低").contains("通风时间不足");
    }

    @Test
    void recordingAgainCorrectsWithoutChangingTheFirstRecord() {
        long task = firstTask();
        var cleaner = this.cleaner.login(port);
        cleaner.get("/hygiene/tasks/" + task);
        cleaner.postForm("/hygiene/tasks/" + task, record("100", "15"));
        cleaner.postForm("/hygiene/tasks/" + task, record("300", "15"));
        var rows = jdbc.sql("SELECT id, compliant, corrects_id FROM hyg_record WHERE task_id = :t ORDER BY id").param("t", task).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("compliant")).isEqualTo(false);
        assertThat(rows.get(1).get("compliant")).isEqualTo(true);
        assertThat(rows.get(1).get("corrects_id")).isEqualTo(rows.get(0).get("id"));
        String page = site.admin().login(port).get("/hygiene/estates/" + estate).body();
        assertThat(page).contains(place);
    }

    @Test
    void aMissingAreaIsRefusedWithAChineseMessageAndNothingIsStored() {
        long task = firstTask();
        var cleaner = this.cleaner.login(port);
        cleaner.get("/hygiene/tasks/" + task);
        Map<String, String> form = record("300", "15");
        form.put("areaM2", "");
        var response = cleaner.postForm("/hygiene/tasks/" + task, form);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("面积应为0.1到100000平方米");
        assertThat(jdbc.sql("SELECT count(*) FROM hyg_record WHERE task_id = :t").param("t", task).query(Long.class).single()).isZero();
    }

    @Test
    void anotherEstatesAdminCannotSeeOrRecordTheTask() {
        long task = firstTask();
        var adminB = data.site(PolicyPreset.BEIJING_2022).admin().login(port);
        assertThat(adminB.get("/hygiene/tasks/" + task).status()).isEqualTo(404);
        assertThat(adminB.get("/hygiene/estates/" + estate).status()).isEqualTo(404);
        assertThat(adminB.postForm("/hygiene/tasks/" + task, record("300", "15")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM hyg_record WHERE task_id = :t").param("t", task).query(Long.class).single()).isZero();
    }

    @Test
    void aHandoverOfSpecialWasteNeedsItsReceiver() {
        var admin = site.admin().login(port);
        admin.get("/hygiene/estates/" + estate);
        assertThat(admin.postForm("/hygiene/estates/" + estate + "/waste-containers", Map.of("name", "废弃口罩专用桶 1",
                "kind", "MASKS_GLOVES", "location", "南门岗亭旁")).status()).isEqualTo(302);
        long container = jdbc.sql("SELECT id FROM hyg_waste_container WHERE estate_id = :e").param("e", estate).query(Long.class).single();
        Map<String, String> f = new HashMap<>(Map.of("containerId", String.valueOf(container), "kind", "HANDOVER",
                "occurredAt", clock.localNow().withSecond(0).withNano(0).toString(), "weightKg", "1.25"));
        var refused = admin.postForm("/hygiene/estates/" + estate + "/waste-movements", f);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("交接处置须填写接收人");
        f.put("receiver", "区环卫所 李师傅");
        assertThat(admin.postForm("/hygiene/estates/" + estate + "/waste-movements", f).status()).isEqualTo(302);
        assertThat(admin.get("/hygiene/estates/" + estate).body()).contains("区环卫所 李师傅").contains("1.25 kg");
    }
}
