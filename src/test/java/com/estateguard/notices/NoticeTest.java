package com.estateguard.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case notice published by the administrator reaches residents de-identified; an identifying one never does.
 * At an estate of the test's own with four buildings and a resident.
 */
@IntegrationTest
class NoticeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;

    LedgersTestData.Site site;
    long estate;
    TestData.Person resident;

    @BeforeEach
    void anEstateWithBuildingsAndAResident() {
        site = data.site(PolicyPreset.BEIJING_2022);
        estate = site.id();
        data.buildings(site, 4);
        resident = data.member(site, Role.RESIDENT, "业主");
    }

    private long notices() {
        return jdbc.sql("SELECT count(*) FROM ntc_case_notice WHERE estate_id = :e").param("e", estate).query(Long.class).single();
    }

    @Test
    void theResidentSeesSurnameAndBuildingOnly() {
        var admin = site.admin().login(port);
        admin.get("/notices");
        var response = admin.postForm("/notices/estates/" + estate, Map.of("kind", "HOME_ISOLATION", "fullName", "司马光明",
                "building", "3号楼", "caseDate", clock.today().toString(), "note", "居家隔离14天"));
        assertThat(response.status()).isEqualTo(302);
        assertThat(notices()).isOne();
        String page = resident.login(port).get("/notices").body();
        assertThat(page).contains("司马某").contains("3号楼").contains("居家隔离人员").doesNotContain("光明");
    }

    @Test
    void aNoteWithAPhoneIsRefusedAndNothingIsPublished() {
        var admin = site.admin().login(port);
        admin.get("/notices");
        var refused = admin.postForm("/notices/estates/" + estate, Map.of("kind", "CONFIRMED", "fullName", "李四",
                "building", "1号楼", "caseDate", clock.today().toString(), "note", "家属电话 139 1234 5678"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("不能公示");
        assertThat(notices()).isZero();
        assertThat(resident.login(port).postForm("/notices/estates/" + estate,
                Map.of("kind", "CONFIRMED", "fullName", "李四", "building", "1号楼", "caseDate", "2022-04-01")).status()).isEqualTo(403);
        assertThat(notices()).isZero();
    }
}
