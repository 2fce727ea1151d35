package com.estateguard.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.access.internal.EntranceControl;
import com.estateguard.common.DomainException;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registering estates and entrances, and the open-entrance limit of the policy (ACC-09), on estates of the test's own. */
@IntegrationTest
class OrganisationAdminTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgDirectory org;
    @Autowired
    EntranceControl entrances;
    @Autowired
    TestData data;
    @Autowired
    TestTree tree;

    @Test
    void aStreetRegistersAnEstateInItsOwnCommunitiesOnly() {
        RegionRef district = tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT);
        RegionRef ownStreet = tree.region(district, RegionLevel.STREET);
        long own = tree.region(ownStreet, RegionLevel.COMMUNITY).id();
        long foreign = tree.region(tree.region(district, RegionLevel.STREET), RegionLevel.COMMUNITY).id();
        long company = tree.company(null);
        var streetUser = tree.authority(Role.STREET_AUTHORITY, ownStreet);
        String name = "新苑" + own;
        String outsideName = "越界小区" + own;
        var street = streetUser.login(port);
        street.get("/estates");

        var created = street.postForm("/estates", Map.of("name", name, "communityId", String.valueOf(own),
                "companyId", String.valueOf(company), "areaM2", "52000", "observationPoint", "西门板房"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(org.estates(streetUser.user().scopePath())).extracting("name").containsExactly(name);
        assertThat(jdbc.sql("SELECT created_by FROM org_estate WHERE name = :n").param("n", name).query(String.class).single())
                .isEqualTo(streetUser.username());

        var outside = street.postForm("/estates", Map.of("name", outsideName, "communityId", String.valueOf(foreign),
                "companyId", String.valueOf(company), "areaM2", "52000"));
        assertThat(outside.status()).isEqualTo(404);
        var invalid = street.postForm("/estates", Map.of("name", "", "communityId", String.valueOf(own),
                "companyId", String.valueOf(company), "areaM2", "-5"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("alert-error");
        assertThat(jdbc.sql("SELECT count(*) FROM org_estate WHERE name = :n OR (region_id IN (:own, :foreign) AND name <> :created)")
                .param("n", outsideName).param("own", own).param("foreign", foreign).param("created", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void openingAnEntranceBeyondThePolicyLimitIsRefused() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        long north = estate.northGate();
        long south = estate.southGate();
        var admin = estate.admin().login(port);
        admin.get("/estates/" + estate.id());

        var refused = admin.postForm("/entrances/" + north + "/open", Map.of("open", "true", "estateId", String.valueOf(estate.id())));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("最多开放 1 个出入口");
        assertThat(org.entrance(new EntranceId(north), "R/").orElseThrow().open()).isFalse();

        assertThat(admin.postForm("/entrances/" + south + "/open", Map.of("open", "false", "estateId", String.valueOf(estate.id())))
                .status()).isEqualTo(302);
        assertThat(admin.postForm("/entrances/" + north + "/open", Map.of("open", "true", "estateId", String.valueOf(estate.id())))
                .status()).isEqualTo(302);
        assertThat(org.entrance(new EntranceId(north), "R/").orElseThrow().open()).isTrue();
    }

    @Test
    void aLargeEstateMayKeepTwoEntrancesOpenButNotThree() {
        RegionRef community = tree.region(tree.region(tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT),
                RegionLevel.STREET), RegionLevel.COMMUNITY);
        var large = tree.estate(community, tree.company(null), new BigDecimal("352000"));
        long garage = org.createEntrance(new EstateId(large.id()), "地库车行口", EntranceKind.VEHICLE, false, "test");
        var staff = large.admin().user();
        assertThat(org.estate(new EstateId(large.id()), "R/").orElseThrow().areaM2()).isGreaterThan(new BigDecimal("300000"));

        entrances.setOpen(large.northGate(), true, staff);
        assertThat(org.entrances(new EstateId(large.id())).stream().filter(EntranceRef::open).count()).isEqualTo(2);

        assertThatThrownBy(() -> entrances.setOpen(garage, true, staff))
                .isInstanceOf(DomainException.class).hasMessage("error.entrance.limit");
        assertThat(org.entrance(new EntranceId(garage), "R/").orElseThrow().open()).isFalse();
    }
}
