package com.estateguard.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.cockpit.internal.CheckRollupJob;
import com.estateguard.common.Role;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cockpit's scope: a street sees its own estates and nothing of the next street, a district both
 * streets summed per street, an estate its own figures; anyone else is turned away. Two estates in
 * two streets of one district, with entry counts already rolled up for today.
 */
@IntegrationTest
class CockpitScopeTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    OrgDirectory org;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ZoneId zone;
    @Autowired
    CheckRollupJob rollups;

    TestData.Estate estate;
    long otherStreet;
    long otherEstate;
    String otherEstateName;
    long otherDistrict;
    String farEstateName;

    @BeforeEach
    void twoStreetsOfOneDistrict() {
        clock.setToday(10, 0);
        estate = data.estate(PolicyPreset.BEIJING_2022);
        otherStreet = org.createRegion(estate.regions().district(), RegionLevel.STREET, "另一街道" + estate.id(), "test");
        long community = org.createRegion(otherStreet, RegionLevel.COMMUNITY, "另一社区" + estate.id(), "test");
        long company = org.createCompany(null, "另一物业" + estate.id(), "test");
        otherEstateName = "隔壁小区" + estate.id();
        otherEstate = org.createEstate(new OrgDirectory.EstateForm(otherEstateName, community, company, new BigDecimal("1000"),
                "隔壁路1号", "经理", "管理员", "观察点"), "test");
        otherDistrict = org.createRegion(estate.regions().city(), RegionLevel.DISTRICT, "另一区" + estate.id(), "test");
        long farStreet = org.createRegion(otherDistrict, RegionLevel.STREET, "远处街道" + estate.id(), "test");
        long farCommunity = org.createRegion(farStreet, RegionLevel.COMMUNITY, "远处社区" + estate.id(), "test");
        farEstateName = "远处小区" + estate.id();
        long farEstate = org.createEstate(new OrgDirectory.EstateForm(farEstateName, farCommunity, company, new BigDecimal("1000"),
                "远处路1号", "经理", "管理员", "观察点"), "test");
        refusals(estate.id(), 3);
        refusals(otherEstate, 5);
        refusals(farEstate, 7);
        // Written here by hand, not by the job: the regions' sums are made from them as the job would.
        rollups.rebuildRegions(clock.today().atStartOfDay(zone).toInstant(), clock.today().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void refusals(long estateId, long n) {
        Timestamp hour = Timestamp.from(clock.localNow().truncatedTo(java.time.temporal.ChronoUnit.HOURS).atZone(zone).toInstant());
        jdbc.sql("INSERT INTO cockpit_check_hour (estate_id, hour, figure, n) VALUES (:e, :h, 'ENTRY.REFUSE', :n), (:e, :h, 'REFUSAL.FEVER', :n)")
                .param("e", estateId).param("h", hour).param("n", n).update();
    }

    @Test
    void aStreetUserSeesOnlyItsStreet() {
        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);

        var figures = street.get("/cockpit/figures.json");
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.body()).contains(estate.name()).doesNotContain(otherEstateName)
                .contains("\"ENTRY.REFUSE\":3").contains("\"REFUSE\":3");
        var page = street.get("/cockpit");
        assertThat(page.body()).contains(estate.name()).doesNotContain(otherEstateName)
                .contains("/checks?from=" + clock.today() + "&amp;to=" + clock.today() + "&amp;direction=IN&amp;estate=" + estate.id()
                        + "&amp;decision=REFUSE");

        assertThat(street.get("/cockpit/figures.json?region=" + otherStreet).status()).isEqualTo(404);
        assertThat(street.get("/cockpit/figures.json?estate=" + otherEstate).status()).isEqualTo(404);
        assertThat(street.get("/cockpit?region=" + estate.regions().district()).status()).isEqualTo(404);
    }

    @Test
    void aDistrictUserSeesBothStreetsAndDrillsDownToOne() {
        TestClient district = data.authority(estate, Role.DISTRICT_AUTHORITY).login(port);

        var figures = district.get("/cockpit/figures.json");
        assertThat(figures.body()).contains("\"ENTRY.REFUSE\":8").contains("另一街道" + estate.id())
                .contains("/cockpit?region=" + otherStreet).doesNotContain(otherEstateName);
        var drilled = district.get("/cockpit/figures.json?region=" + otherStreet);
        assertThat(drilled.body()).contains(otherEstateName).doesNotContain(estate.name()).contains("\"ENTRY.REFUSE\":5");

        // The next district of the same city: neither its name nor its 7 refusals, and its cockpit is not found.
        assertThat(figures.body()).doesNotContain("另一区" + estate.id()).doesNotContain("\"ENTRY.REFUSE\":15");
        assertThat(district.get("/cockpit/figures.json?region=" + otherDistrict).status()).isEqualTo(404);
        assertThat(district.get("/cockpit?region=" + estate.regions().city()).status()).isEqualTo(404);
    }

    @Test
    void theCitySeesItsTwoDistrictsSummedFromTheRegionsRollUp() {
        TestClient city = data.authority(estate, Role.CITY_AUTHORITY).login(port);

        var figures = city.get("/cockpit/figures.json");
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.body()).contains("\"ENTRY.REFUSE\":15").contains("\"REFUSAL.FEVER\":15")
                .contains("测试区").contains("另一区" + estate.id()).contains("\"REFUSE\":8").contains("\"REFUSE\":7")
                .contains("/cockpit?region=" + otherDistrict).doesNotContain(farEstateName);
        assertThat(city.get("/cockpit").body()).contains("另一区" + estate.id());
    }

    @Test
    void anEstateSeesItsOwnThirtyDaysAndAGuardNothing() {
        TestClient admin = estate.admin().login(port);
        var figures = admin.get("/cockpit/figures.json");
        assertThat(figures.body()).contains("\"kind\":\"ESTATE\"").contains("\"ENTRY.REFUSE\":3")
                .contains("\"from\":\"" + clock.today().minusDays(29) + "\"");
        assertThat(admin.get("/cockpit/figures.json?estate=" + otherEstate).status()).isEqualTo(404);
        assertThat(admin.get("/cockpit/figures.json?region=" + estate.regions().street()).status()).isEqualTo(404);

        assertThat(estate.guard().login(port).get("/cockpit").status()).isEqualTo(403);
    }
}
