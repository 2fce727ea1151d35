package com.estateguard.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A case notice published by the administrator reaches residents de-identified; an identifying one never does. */
@IntegrationTest
class NoticeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void theResidentSeesSurnameAndBuildingOnly() {
        long estate = Fixtures.estate(jdbc, "阳光花园");
        var admin = TestClient.person(port, "admin", "demo1234");
        admin.get("/notices");
        var response = admin.postForm("/notices/estates/" + estate, Map.of("kind", "HOME_ISOLATION", "fullName", "司马光明",
                "building", "3号楼", "caseDate", clock.today().toString(), "note", "居家隔离14天"));
        assertThat(response.status()).isEqualTo(302);
        String page = TestClient.person(port, "resident", "demo1234").get("/notices").body();
        assertThat(page).contains("司马某").contains("3号楼").contains("居家隔离人员").doesNotContain("光明");
    }

    @Test
    void aNoteWithAPhoneIsRefusedAndNothingIsPublished() {
        long estate = Fixtures.estate(jdbc, "阳光花园");
        long before = jdbc.sql("SELECT count(*) FROM ntc_case_notice").query(Long.class).single();
        var admin = TestClient.person(port, "admin", "demo1234");
        admin.get("/notices");
        var refused = admin.postForm("/notices/estates/" + estate, Map.of("kind", "CONFIRMED", "fullName", "李四",
                "building", "1号楼", "caseDate", clock.today().toString(), "note", "家属电话 139 1234 5678"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("不能公示");
        assertThat(jdbc.sql("SELECT count(*) FROM ntc_case_notice").query(Long.class).single()).isEqualTo(before);
        assertThat(TestClient.person(port, "resident", "demo1234").postForm("/notices/estates/" + estate,
                Map.of("kind", "CONFIRMED", "fullName", "李四", "building", "1号楼", "caseDate", "2022-04-01")).status()).isEqualTo(403);
    }
}
