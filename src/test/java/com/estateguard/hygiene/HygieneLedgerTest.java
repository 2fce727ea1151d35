package com.estateguard.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.hygiene.internal.HygieneTasks;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hygiene ledger over HTTP: plan, the day's tasks, a cleaner's record judged and kept as entered, scope. */
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
    TestClock clock;

    long estate;
    String place;

    @BeforeEach
    void aNewLobbyAtSunnyGarden() {
        estate = Fixtures.estate(jdbc, "阳光花园");
        place = "测试大堂" + System.nanoTime();
        var admin = TestClient.person(port, "admin", "demo1234");
        admin.get("/hygiene/estates/" + estate);
        var created = admin.postForm("/hygiene/estates/" + estate + "/places", Map.of("name", place, "type", "LOBBY",
                "timesPerDay", "", "minMgL", "", "maxMgL", "", "ventilationMinutes", "", "wipeHeightM", "", "agent", ""));
        assertThat(created.status()).isEqualTo(302);
    }

    private long firstTask() {
        TestClient.person(port, "cleaner", "demo1234").get("/hygiene/tasks");
        return jdbc.sql("""
                        SELECT t.id FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id
                         WHERE p.name = :n AND t.task_date = :d ORDER BY t.slot LIMIT 1""")
                .param("n", place).param("d", today()).query(Long.class).single();
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
        long count = jdbc.sql("SELECT count(*) FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id WHERE p.name = :n AND t.task_date = :d")
                .param("n", place).param("d", today()).query(Long.class).single();
        assertThat(count).isEqualTo(2);   // seed policy: twice a day
        assertThat(tasks.ensure(org.estate(new EstateId(estate), "R/").orElseThrow(), today(), "test")).isZero();
    }

    @Test
    void theNightlyJobMakesTheDaysTasksForEveryEstateOnce() {
        tasks.generateToday();
        tasks.generateToday();
        long count = jdbc.sql("SELECT count(*) FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id WHERE p.name = :n AND t.task_date = :d")
                .param("n", place).param("d", today()).query(Long.class).single();
        assertThat(count).isEqualTo(2);
        long otherEstate = jdbc.sql("""
                        SELECT count(*) FROM hyg_task t JOIN org_estate e ON e.id = t.estate_id
                         WHERE e.name = '锦绣苑' AND t.task_date = :d""").param("d", today()).query(Long.class).single();
        assertThat(otherEstate).isPositive();
    }

    @Test
    void aWeakConcentrationIsKeptAsEnteredAndMarkedNonCompliant() {
        long task = firstTask();
        var cleaner = TestClient.person(port, "cleaner", "demo1234");
        cleaner.get("/hygiene/tasks/" + task);
        var response = cleaner.postForm("/hygiene/tasks/" + task, record("100", "10"));
        assertThat(response.status()).isEqualTo(302);
        var row = jdbc.sql("SELECT concentration_mg_l, ventilation_minutes, compliant, array_to_string(issues, ',') AS issues, created_by"
                        + " FROM hyg_record WHERE task_id = :t").param("t", task).query().singleRow();
        assertThat(row.get("concentration_mg_l")).isEqualTo(100);
        assertThat(row.get("ventilation_minutes")).isEqualTo(10);
        assertThat(row.get("compliant")).isEqualTo(false);
        assertThat(row.get("issues")).isEqualTo("CONCENTRATION_LOW,VENTILATION_SHORT");
        assertThat(row.get("created_by")).isEqualTo("cleaner");
        assertThat(cleaner.get("/hygiene/tasks").body()).contains("浓度偏低").contains("通风时间不足");
    }

    @Test
    void recordingAgainCorrectsWithoutChangingTheFirstRecord() {
        long task = firstTask();
        var cleaner = TestClient.person(port, "cleaner", "demo1234");
        cleaner.get("/hygiene/tasks/" + task);
        cleaner.postForm("/hygiene/tasks/" + task, record("100", "15"));
        cleaner.postForm("/hygiene/tasks/" + task, record("300", "15"));
        var rows = jdbc.sql("SELECT id, compliant, corrects_id FROM hyg_record WHERE task_id = :t ORDER BY id").param("t", task).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("compliant")).isEqualTo(false);
        assertThat(rows.get(1).get("compliant")).isEqualTo(true);
        assertThat(rows.get(1).get("corrects_id")).isEqualTo(rows.get(0).get("id"));
        String page = TestClient.person(port, "admin", "demo1234").get("/hygiene/estates/" + estate).body();
        assertThat(page).contains(place);
    }

    @Test
    void aMissingAreaIsRefusedWithAChineseMessageAndNothingIsStored() {
        long task = firstTask();
        var cleaner = TestClient.person(port, "cleaner", "demo1234");
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
        var adminB = TestClient.person(port, "adminb", "demo1234");
        assertThat(adminB.get("/hygiene/tasks/" + task).status()).isEqualTo(404);
        assertThat(adminB.get("/hygiene/estates/" + estate).status()).isEqualTo(404);
        assertThat(adminB.postForm("/hygiene/tasks/" + task, record("300", "15")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM hyg_record WHERE task_id = :t").param("t", task).query(Long.class).single()).isZero();
    }

    @Test
    void aHandoverOfSpecialWasteNeedsItsReceiver() {
        var admin = TestClient.person(port, "admin", "demo1234");
        admin.get("/hygiene/estates/" + estate);
        long container = jdbc.sql("SELECT id FROM hyg_waste_container WHERE estate_id = :e LIMIT 1").param("e", estate).query(Long.class).single();
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
