package com.estateguard.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registering estates and entrances, and the open-entrance limit of the policy (ACC-09). */
@IntegrationTest
class OrganisationAdminTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgDirectory org;
    @Autowired
    com.estateguard.access.internal.EntranceControl entrances;

    @Test
    void aStreetRegistersAnEstateInItsOwnCommunitiesOnly() {
        long own = jdbc.sql("SELECT id FROM org_region WHERE name = '长桥社区'").query(Long.class).single();
        long foreign = jdbc.sql("SELECT id FROM org_region WHERE name = '柳湾社区'").query(Long.class).single();
        long company = jdbc.sql("SELECT id FROM org_company WHERE name = '和园物业管理有限公司'").query(Long.class).single();
        var street = TestClient.person(port, "street", "demo1234");
        street.get("/estates");

        var created = street.postForm("/estates", Map.of("name", "长桥新苑", "communityId", String.valueOf(own),
                "companyId", String.valueOf(company), "areaM2", "52000", "observationPoint", "西门板房"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(org.estates(Fixtures.user(jdbc, "street").scopePath())).extracting("name").contains("长桥新苑");
        assertThat(jdbc.sql("SELECT created_by FROM org_estate WHERE name = '长桥新苑'").query(String.class).single()).isEqualTo("street");

        var outside = street.postForm("/estates", Map.of("name", "越界小区", "communityId", String.valueOf(foreign),
                "companyId", String.valueOf(company), "areaM2", "52000"));
        assertThat(outside.status()).isEqualTo(404);
        var invalid = street.postForm("/estates", Map.of("name", "", "communityId", String.valueOf(own),
                "companyId", String.valueOf(company), "areaM2", "-5"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("alert-error");
        assertThat(jdbc.sql("SELECT count(*) FROM org_estate WHERE name IN ('越界小区', '')").query(Long.class).single()).isZero();
    }

    @Test
    void openingAnEntranceBeyondThePolicyLimitIsRefused() {
        var admin = TestClient.person(port, "admin", "demo1234");
        long estate = Fixtures.estate(jdbc, "阳光花园");
        long north = Fixtures.entrance(jdbc, "阳光花园", "北门");
        admin.get("/estates/" + estate);

        var refused = admin.postForm("/entrances/" + north + "/open", Map.of("open", "true", "estateId", String.valueOf(estate)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("最多开放 1 个出入口");
        assertThat(org.entrance(north, "R/").orElseThrow().open()).isFalse();

        long south = Fixtures.entrance(jdbc, "阳光花园", "南门");
        assertThat(admin.postForm("/entrances/" + south + "/open", Map.of("open", "false", "estateId", String.valueOf(estate))).status()).isEqualTo(302);
        assertThat(admin.postForm("/entrances/" + north + "/open", Map.of("open", "true", "estateId", String.valueOf(estate))).status()).isEqualTo(302);
        assertThat(org.entrance(north, "R/").orElseThrow().open()).isTrue();
        admin.postForm("/entrances/" + north + "/open", Map.of("open", "false", "estateId", String.valueOf(estate)));
        admin.postForm("/entrances/" + south + "/open", Map.of("open", "true", "estateId", String.valueOf(estate)));
    }

    @Test
    void aLargeEstateMayKeepTwoEntrancesOpenButNotThree() {
        long large = Fixtures.estate(jdbc, "望江华庭");
        EstateRef estate = org.estate(large, "R/").orElseThrow();
        assertThat(estate.areaM2()).isGreaterThan(new java.math.BigDecimal("300000"));
        assertThat(org.entrances(large).stream().filter(EntranceRef::open).count()).isEqualTo(2);
        var staff = new com.estateguard.common.CurrentUser(0, "admin-large", "管理员", com.estateguard.common.Role.PREVENTION_ADMIN,
                estate.regionPath(), large, null);
        long garage = Fixtures.entrance(jdbc, "望江华庭", "地库车行口");

        assertThatThrownBy(() -> entrances.setOpen(garage, true, staff))
                .isInstanceOf(com.estateguard.common.DomainException.class).hasMessage("error.entrance.limit");
        assertThat(org.entrance(garage, "R/").orElseThrow().open()).isFalse();
    }
}
