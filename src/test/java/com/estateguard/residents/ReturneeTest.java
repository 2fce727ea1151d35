package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.FileType;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.UploadedFile;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.Returnees;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Returnees (RES-02): observation end from the policy, daily entries, handover list, refusals, and no pass meanwhile. */
@IntegrationTest
class ReturneeTest {

    @LocalServerPort
    int port;
    @Autowired
    Returnees returnees;
    @Autowired
    Passes passes;
    @Autowired
    Policies policies;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;

    @Test
    void theGateDeskRegistersAReturneeWhoseObservationEndsAfterThePolicysDays() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin().login(port);
        LocalDate today = clock.today();
        String id = Fixtures.newIdNumber();
        admin.get("/returnees");
        var saved = admin.postForm("/returnees", Map.of("name", "返乡甲", "idNumber", id, "phone", "13900000002",
                "address", "3-1-402", "fromPlace", "武汉", "riskArea", "true", "arrivalDate", today.minusDays(2).toString()));
        assertThat(saved.status()).isEqualTo(302);

        int days = policies.inForce(estate.regionPath(), clock.instant()).parameters().observationDays();
        var me = estate.admin().user();
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
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var resident = residents.resident(estate, "1", "1", "101", "黄海燕");
        var phone = resident.login().login(port);
        phone.get("/my/return");
        LocalDate today = clock.today();
        assertThat(phone.postForm("/my/return", Map.of("name", "黄海燕", "idNumber", resident.idNumber(), "address", "1-1-101",
                "fromPlace", "上海", "arrivalDate", today.toString())).status()).isEqualTo(302);

        assertThatThrownBy(() -> passes.issue(resident.id(), estate.admin().user())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRefusalIsRecordedWithItsPhoto() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var me = estate.admin().user();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        long id = returnees.refusal(estate.id(), "不配合者", "拒绝登记返程信息", new UploadedFile(FileType.PNG, png), me);
        assertThat(returnees.refusals(estate.id(), me)).extracting(Returnees.Refusal::id).contains(id);
        assertThat(returnees.photo(id, me)).isEqualTo(png);
        assertThat(estate.admin().login(port).get("/returnees/refusals/" + id + "/photo").status()).isEqualTo(200);
        var otherEstate = data.estate(PolicyPreset.BEIJING_2022);
        assertThat(otherEstate.admin().login(port).get("/returnees/refusals/" + id + "/photo").status()).isEqualTo(404);
    }
}
