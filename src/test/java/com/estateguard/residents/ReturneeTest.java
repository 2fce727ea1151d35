package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.common.InvalidInputException;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import com.estateguard.residents.internal.Returnees;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Returnees (RES-02): observation end from the policy, daily entries, handover list, refusals, and no pass meanwhile. */
@IntegrationTest
class ReturneeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Returnees returnees;
    @Autowired
    Passes passes;
    @Autowired
    ResidentRegister register;
    @Autowired
    Policies policies;
    @Autowired
    OrgDirectory org;
    @Autowired
    TestClock clock;

    @Test
    void theGateDeskRegistersAReturneeWhoseObservationEndsAfterThePolicysDays() {
        var admin = TestClient.person(port, "admin", "demo1234");
        LocalDate today = clock.today();
        String id = Fixtures.newIdNumber();
        admin.get("/returnees");
        var saved = admin.postForm("/returnees", Map.of("name", "返乡甲", "idNumber", id, "phone", "13900000002",
                "address", "3-1-402", "fromPlace", "武汉", "riskArea", "true", "arrivalDate", today.minusDays(2).toString()));
        assertThat(saved.status()).isEqualTo(302);

        var estate = org.estate(new EstateId(Fixtures.estate(jdbc, "阳光花园")), "R/").orElseThrow();
        int days = policies.inForce(estate.regionPath(), clock.instant()).parameters().observationDays();
        var me = Fixtures.user(jdbc, "admin");
        var returnee = returnees.underObservation(estate.id(), me).stream().filter(r -> r.personName().equals("返乡甲")).findFirst().orElseThrow();
        assertThat(returnee.observationEnd()).isEqualTo(today.minusDays(2).plusDays(days));
        assertThat(admin.get("/returnees").body()).contains("返乡甲").contains("武汉");

        returnees.dailyEntry(returnee.id(), new BigDecimal("36.6"), false, "", me);
        assertThatThrownBy(() -> returnees.dailyEntry(returnee.id(), new BigDecimal("36.7"), false, "", me))
                .isInstanceOf(InvalidInputException.class);
        assertThat(returnees.byId(returnee.id(), me).entries()).isEqualTo(1);

        var bad = admin.postForm("/returnees", Map.of("name", "返乡乙", "idNumber", "110105198001011234", "address", "3-1-403",
                "fromPlace", "武汉", "arrivalDate", today.toString()));
        assertThat(bad.body()).contains("身份证号无效");
    }

    @Test
    void aResidentReportsTheirOwnReturnAndGetsNoPassDuringTheWindow() {
        String id = Fixtures.newIdNumber();
        var resident = TestClient.person(port, "resident", "demo1234");
        resident.get("/my/return");
        LocalDate today = clock.today();
        assertThat(resident.postForm("/my/return", Map.of("name", "黄海燕", "idNumber", id, "address", "1-1-101",
                "fromPlace", "上海", "arrivalDate", today.toString())).status()).isEqualTo(302);

        var admin = Fixtures.user(jdbc, "admin");
        long person = register.add(Fixtures.estate(jdbc, "阳光花园"), new ResidentLine("1", "1", "101", "黄海燕", PersonKind.OWNER, "",
                id, false, false), admin);
        assertThatThrownBy(() -> passes.issue(person, admin)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRefusalIsRecordedWithItsPhoto() {
        var me = Fixtures.user(jdbc, "admin");
        long estate = Fixtures.estate(jdbc, "阳光花园");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        long id = returnees.refusal(estate, "不配合者", "拒绝登记返程信息", png, "image/png", me);
        assertThat(returnees.refusals(estate, me)).extracting(Returnees.Refusal::id).contains(id);
        assertThat(returnees.photo(id, me).bytes()).isEqualTo(png);
        assertThatThrownBy(() -> returnees.refusal(estate, "x", "y", png, "application/pdf", me)).isInstanceOf(InvalidInputException.class);
        assertThat(TestClient.person(port, "adminb", "demo1234").get("/returnees/refusals/" + id + "/photo").status()).isEqualTo(404);
    }
}
