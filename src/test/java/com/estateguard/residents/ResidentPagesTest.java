package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register page: search, adding a person, the ID checksum message, masking for the guard. */
@IntegrationTest
class ResidentPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminAddsAPersonAndABadIdNumberIsRefusedWithAChineseMessage() {
        var admin = TestClient.person(port, "admin", "demo1234");
        long estate = Fixtures.estate(jdbc, "阳光花园");
        assertThat(admin.get("/residents").body()).contains("住户名册").contains("resident-table");
        String id = Fixtures.newIdNumber();
        Map<String, String> form = Map.of("estateId", String.valueOf(estate), "building", "12", "unit", "1", "room", "601",
                "name", "郑新住", "kind", "TENANT", "phone", "13700001111", "idNumber", id);

        var added = admin.postForm("/residents", form);
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        var found = admin.get("/residents?q=" + java.net.URLEncoder.encode("郑新住", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.body()).contains("郑新住").contains(id.substring(0, 4) + "**********").doesNotContain(id);

        var bad = admin.postForm("/residents", Map.of("estateId", String.valueOf(estate), "building", "12", "room", "602",
                "name", "错号", "kind", "OWNER", "phone", "", "idNumber", "110105198001011234"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("身份证号无效");
        var again = admin.postForm("/residents", form);
        assertThat(again.body()).contains("该小区已登记此身份证号");
    }

    @Test
    void aGuardSeesMaskedNumbersOnlyAndCannotWrite() {
        var guard = TestClient.person(port, "guard", "demo1234");
        var page = guard.get("/residents");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("resident-form");
        assertThat(guard.postForm("/residents", Map.of("estateId", "1", "name", "x")).status()).isEqualTo(403);
        long someone = jdbc.sql("SELECT min(id) FROM res_person").query(Long.class).single();
        assertThat(guard.get("/residents/" + someone + "/id-number").status()).isEqualTo(403);
        assertThat(TestClient.person(port, "adminb", "demo1234").get("/residents?q=").body()).doesNotContain("阳光花园");
    }
}
