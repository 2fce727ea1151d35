package com.estateguard.emergency.internal.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.IncidentLogEntry;
import com.estateguard.emergency.IncidentLogKinds;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.OpenIncident;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gate during an incident (ACC-15, EMG-05, EMG-06, EMG-13), over HTTP: the prevention
 * administrator locks the estate down on the incident's page and the estate's terminal decides
 * under the emergency policy at once; lifting it (or the incident's end) restores the normal
 * policy at that minute; managed people leave only with an approval and a late return shows; a
 * recovered case comes back only after the monitoring days with a negative NAT; a drill changes nothing.
 */
@IntegrationTest
class LockdownAtTheGateTest {

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    Incidents incidents;
    @Autowired
    Lockdowns lockdowns;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    MovementRecords records;

    @Test
    void aLockdownClosesTheGateAtOnceAndLiftingItRestoresTheNormalPolicy() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var admin = estate.admin().login(port);
        var terminal = estate.terminal(port);
        IncidentId incident = open(estate, false);
        assertThat(terminal.postJson("/api/v1/checks", visitor(estate.southGate())).body()).contains("\"verdict\":\"ALLOW\"");
        assertThat(admin.get(lockdownPath(incident)).body()).contains("lockdown-form").contains("泉州鲤城 2021 应急封闭（004）");

        assertThat(admin.postForm(lockdownPath(incident), Map.of("source", "preset:QUANZHOU_2021_EMERGENCY")).status())
                .as("no confirmation ticked").isEqualTo(400);
        lockDown(admin, incident);

        var visitor = terminal.postJson("/api/v1/checks", visitor(estate.southGate())).body();
        assertThat(visitor).contains("\"verdict\":\"REFUSE\"").contains("LOCKDOWN");
        var car = terminal.postJson("/api/v1/checks", courierInCar(estate.southGate())).body();
        assertThat(car).contains("\"verdict\":\"REFUSE\"").contains("OUTSIDE_VEHICLE");
        assertThat(incidents.timeline(incident, estate.admin().user())).extracting(IncidentLogEntry::kind)
                .contains(IncidentLogKinds.LOCKDOWN_STARTED);
        assertThat(lockdowns.inForce(incident)).isPresent();

        assertThat(admin.postForm(lockdownPath(incident) + "/lift", Map.of("confirm", "true")).status()).isEqualTo(302);
        assertThat(terminal.postJson("/api/v1/checks", visitor(estate.southGate())).body()).contains("\"verdict\":\"ALLOW\"");
        assertThat(incidents.timeline(incident, estate.admin().user())).extracting(IncidentLogEntry::kind)
                .contains(IncidentLogKinds.LOCKDOWN_LIFTED);
        assertThat(admin.get(lockdownPath(incident)).body()).contains("lockdown-form").doesNotContain("lockdown-in-force");
    }

    @Test
    void duringALockdownEveryoneLeavingIsMeasuredAndScannedAndAFeverIsKeptIn() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var terminal = estate.terminal(port);
        String resident = Fixtures.newIdNumber();
        assertThat(terminal.postJson("/api/v1/checks", leaving(estate.southGate(), resident, null)).body())
                .as("in normal times leaving is not checked").contains("\"verdict\":\"ALLOW\"");

        lockDown(estate.admin().login(port), open(estate, false));

        var unchecked = terminal.postJson("/api/v1/checks", leaving(estate.southGate(), resident, null)).body();
        assertThat(unchecked).contains("\"verdict\":\"REFUSE\"").contains("MISSING_TEMPERATURE").contains("MISSING_HEALTH_CODE");
        var fever = terminal.postJson("/api/v1/checks", leaving(estate.southGate(), resident, "38.2")).body();
        assertThat(fever).contains("\"verdict\":\"REFUSE\"").contains("FEVER").contains("38.2");
        assertThat(terminal.postJson("/api/v1/checks", leaving(estate.southGate(), resident, "36.5")).body())
                .contains("\"verdict\":\"ALLOW\"");
    }

    @Test
    void aKeyGroupMemberLeavesOnlyWithAnApprovalAndALateReturnShows() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var admin = estate.admin().login(port);
        var terminal = estate.terminal(port);
        IncidentId incident = open(estate, false);
        String member = Fixtures.newIdNumber();
        admin.get(lockdownPath(incident));
        assertThat(admin.postForm("/emergency/incidents/" + incident + "/restrictions",
                Map.of("idNumber", member, "name", "李四", "phone", "13900000000", "tier", "KEY_GROUP")).status()).isEqualTo(302);

        var refused = terminal.postJson("/api/v1/checks", leaving(estate.southGate(), member, "36.5")).body();
        assertThat(refused).contains("\"verdict\":\"REFUSE\"").contains("LEAVE_NOT_APPROVED");

        long restriction = restrictionOf(incident, estate);
        String returnBy = clock.localNow().plusHours(2).format(LOCAL_MINUTE);
        assertThat(admin.postForm("/emergency/incidents/" + incident + "/restrictions/" + restriction + "/leave",
                Map.of("reason", "就医", "returnBy", returnBy)).status()).isEqualTo(302);
        assertThat(terminal.postJson("/api/v1/checks", leaving(estate.southGate(), member, "36.5")).body())
                .contains("\"verdict\":\"ALLOW\"");
        assertThat(admin.get(lockdownPath(incident)).body()).contains("外出中");

        clock.advance(Duration.ofHours(3));
        terminal.postJson("/api/v1/checks", entering(estate.southGate(), member, "RESIDENT", true));
        var page = admin.get(lockdownPath(incident)).body();
        assertThat(page).contains("逾期返回").contains("李四");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'CASE_VIEW' AND estate_id = :e AND subject LIKE '%lockdown%'")
                .param("e", estate.id()).query(Long.class).single()).as("each view of the page is audited").isGreaterThanOrEqualTo(2);
        assertThat(terminal.postJson("/api/v1/checks", leaving(estate.southGate(), member, "36.5")).body())
                .as("the approval is over").contains("LEAVE_NOT_APPROVED");
    }

    @Test
    void aRecoveredCaseReturnsOnlyAfterTheMonitoringDaysWithANegativeNat() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var admin = estate.admin().login(port);
        var terminal = estate.terminal(port);
        IncidentId incident = open(estate, false);
        String patient = Fixtures.newIdNumber();
        admin.get(lockdownPath(incident));
        assertThat(admin.postForm("/emergency/incidents/" + incident + "/recoveries", Map.of("idNumber", patient, "name", "王五",
                "dischargedOn", clock.today().minusDays(3).toString())).status()).isEqualTo(302);

        var early = terminal.postJson("/api/v1/checks", entering(estate.southGate(), patient, "RESIDENT", true)).body();
        assertThat(early).contains("\"verdict\":\"REFUSE\"").contains("RECOVERY_MONITORING_NOT_OVER")
                .doesNotContain("RECOVERY_NAT_NOT_NEGATIVE");
        // A node that did not record it (the estates with recoveries are kept for a few seconds) reads it from the database.
        records.forgetRecoveredEstates();
        assertThat(terminal.postJson("/api/v1/checks", entering(estate.southGate(), patient, "RESIDENT", true)).body())
                .contains("RECOVERY_MONITORING_NOT_OVER");

        clock.advance(Duration.ofDays(12));
        var noNat = terminal.postJson("/api/v1/checks", entering(estate.southGate(), patient, "RESIDENT", false)).body();
        assertThat(noNat).contains("\"verdict\":\"REFUSE\"").contains("RECOVERY_NAT_NOT_NEGATIVE")
                .doesNotContain("RECOVERY_MONITORING_NOT_OVER");
        var back = terminal.postJson("/api/v1/checks", entering(estate.southGate(), patient, "RESIDENT", true)).body();
        assertThat(back).doesNotContain("RECOVERY_").doesNotContain("\"verdict\":\"REFUSE\"");
        assertThat(terminal.postJson("/api/v1/checks", entering(estate.southGate(), patient, "RESIDENT", false)).body())
                .as("once back, the rule is met").doesNotContain("RECOVERY_");
    }

    @Test
    void aDrillLockdownChangesNothingAtTheGate() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var admin = estate.admin().login(port);
        IncidentId drill = open(estate, true);
        lockDown(admin, drill);

        assertThat(estate.terminal(port).postJson("/api/v1/checks", visitor(estate.southGate())).body())
                .contains("\"verdict\":\"ALLOW\"");
        assertThat(lockdowns.inForce(drill)).hasValueSatisfying(l -> assertThat(l.drill()).isTrue());
        assertThat(incidents.timeline(drill, estate.admin().user())).extracting(IncidentLogEntry::kind)
                .contains(IncidentLogKinds.LOCKDOWN_STARTED);
        assertThat(admin.get(lockdownPath(drill)).body()).contains("演练");
    }

    @Test
    void theEndOfTheIncidentLiftsTheLockdownAndItsRestrictions() {
        // Ended as the emergency group ends it: the CDC's assessment, then the end (IncidentEnded, handled after commit).
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var terminal = estate.terminal(port);
        IncidentId incident = open(estate, false);
        var admin = estate.admin().login(port);
        lockDown(admin, incident);
        String member = Fixtures.newIdNumber();
        admin.postForm("/emergency/incidents/" + incident + "/restrictions",
                Map.of("idNumber", member, "name", "赵六", "tier", "CLOSE_CONTACT"));
        assertThat(terminal.postJson("/api/v1/checks", visitor(estate.southGate())).body()).contains("LOCKDOWN");

        assertThat(admin.postForm("/emergency/incidents/" + incident + "/cdc-assessment",
                Map.of("assessor", "区疾控中心 陈医生", "result", "流调、筛查、终末消毒已完成，防控效果达标")).status()).isLessThan(400);
        assertThat(admin.postForm("/emergency/incidents/" + incident + "/end", Map.of()).status()).isLessThan(400);
        awaitLifted(incident);

        assertThat(terminal.postJson("/api/v1/checks", visitor(estate.southGate())).body()).contains("\"verdict\":\"ALLOW\"");
        assertThat(terminal.postJson("/api/v1/checks", leaving(estate.southGate(), member, "36.5")).body())
                .contains("\"verdict\":\"ALLOW\"");
        assertThat(lockdowns.inForce(incident)).isEmpty();
    }

    @Test
    void anotherEstatesAdministratorCannotLockThisEstateDown() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var other = data.estate(PolicyPreset.QUANZHOU_2021);
        IncidentId incident = open(estate, false);
        var stranger = other.admin().login(port);
        assertThat(stranger.get(lockdownPath(incident)).status()).isEqualTo(404);
        stranger.get("/policies");
        var response = stranger.postForm(lockdownPath(incident),
                Map.of("source", "preset:QUANZHOU_2021_EMERGENCY", "confirm", "true"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(estate.terminal(port).postJson("/api/v1/checks", visitor(estate.southGate())).body())
                .contains("\"verdict\":\"ALLOW\"");
    }

    // ------------------------------------------------------------------ helpers

    private IncidentId open(TestData.Estate estate, boolean drill) {
        return incidents.open(new OpenIncident(new EstateId(estate.id()), drill, IncidentKind.CONFIRMED, "病例甲", null, null,
                CaseSource.NEW, null, clock.instant().minus(Duration.ofHours(6)), null, "定点医院"), estate.admin().user());
    }

    /** The listener runs after commit, possibly on another thread. */
    private void awaitLifted(IncidentId incident) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (lockdowns.inForce(incident).isPresent() && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void lockDown(TestClient admin, IncidentId incident) {
        admin.get(lockdownPath(incident));
        var response = admin.postForm(lockdownPath(incident), Map.of("source", "preset:QUANZHOU_2021_EMERGENCY", "confirm", "true"));
        assertThat(response.status()).as(response.body()).isEqualTo(302);
    }

    private static String lockdownPath(IncidentId incident) {
        return "/emergency/incidents/" + incident + "/lockdown";
    }

    @Autowired
    MovementControl movement;

    private long restrictionOf(IncidentId incident, TestData.Estate estate) {
        return movement.restrictions(incident, estate.admin().user()).get(0).id();
    }

    private String visitor(long gate) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"访客",
                 "idNumber":"%s",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "answers":{"destination":"3号楼","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), gate, Fixtures.newIdNumber());
    }

    private String courierInCar(long gate) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"COURIER","personName":"快递员",
                 "vehicle":{"plate":"闽C12345","residentVehicle":false},
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},"mask":true}}"""
                .formatted(UUID.randomUUID(), gate);
    }

    /** A resident leaving by the terminal; {@code celsius} null: measured nothing, scanned nothing. */
    private String leaving(long gate, String idNumber, String celsius) {
        String evidence = celsius == null ? "{\"mask\":true}" : """
                {"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                 "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},"mask":true}"""
                .formatted(celsius);
        return """
                {"clientId":"%s","entranceId":%d,"direction":"OUT","category":"RESIDENT","personName":"住户","idNumber":"%s",
                 "evidence":%s}""".formatted(UUID.randomUUID(), gate, idNumber, evidence);
    }

    private String entering(long gate, String idNumber, String category, boolean negativeNat) {
        String nat = negativeNat ? ",\"nat\":{\"sampledAt\":\"%s\",\"result\":\"NEGATIVE\",\"source\":\"健康码\"}"
                .formatted(clock.instant().minus(10, ChronoUnit.HOURS)) : "";
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"%s","personName":"住户","idNumber":"%s",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},"mask":true%s}}"""
                .formatted(UUID.randomUUID(), gate, category, idNumber, nat);
    }
}
