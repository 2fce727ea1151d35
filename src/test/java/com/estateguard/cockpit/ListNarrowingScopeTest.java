package com.estateguard.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lists behind the cockpit's numbers take a region (and some an estate) only to narrow the reader's scope: a street
 * user may narrow to their street or a community in it, never widen to the next street, their district or another
 * district's estate; the list answers "not found" (未找到) instead.
 */
@IntegrationTest
class ListNarrowingScopeTest {

    private static final List<String> LISTS = List.of("/checks", "/checks/export.xlsx", "/follow-ups", "/passes",
            "/care", "/daily-reports", "/daily-reports/export?date=2026-01-01&format=xlsx", "/supplies", "/staff-health",
            "/emergency", "/supervision/orders", "/supervision/orders.xlsx", "/supervision/inspections");
    private static final List<String> ESTATE_LISTS = List.of("/follow-ups", "/passes", "/care", "/supervision/orders");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;

    RegionRef district;
    RegionRef street;
    RegionRef community;
    RegionRef nextStreet;
    TestData.Estate nextEstate;
    TestClient streetUser;

    @BeforeEach
    void twoStreetsOfADistrict() {
        district = tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT);
        street = tree.region(district, RegionLevel.STREET);
        community = tree.region(street, RegionLevel.COMMUNITY);
        nextStreet = tree.region(district, RegionLevel.STREET);
        long company = tree.company(null);
        tree.estate(community, company);
        nextEstate = tree.estate(tree.region(nextStreet, RegionLevel.COMMUNITY), company);
        streetUser = tree.authority(Role.STREET_AUTHORITY, street).login(port);
    }

    private static String with(String list, String parameter) {
        return list + (list.contains("?") ? "&" : "?") + parameter;
    }

    @Test
    void aStreetUserNarrowsToTheirStreetOrACommunityInItButNeverWidens() {
        for (String list : LISTS) {
            assertThat(streetUser.get(with(list, "region=" + street.id())).status()).as(list + " own street").isEqualTo(200);
            assertThat(streetUser.get(with(list, "region=" + community.id())).status()).as(list + " a community in it").isEqualTo(200);
            for (RegionRef wider : List.of(nextStreet, district)) {
                var refused = streetUser.get(with(list, "region=" + wider.id()));
                assertThat(refused.status()).as(list + " region " + wider.name()).isEqualTo(404);
                assertThat(refused.body()).as(list).contains("未找到");
            }
        }
        for (String list : ESTATE_LISTS) {
            assertThat(streetUser.get(with(list, "estate=" + nextEstate.id())).status()).as(list + " another street's estate")
                    .isEqualTo(404);
        }
    }

    @Test
    void theNextStreetsRowsNeverShowThroughANarrowedList() {
        TestClient districtUser = tree.authority(Role.DISTRICT_AUTHORITY, district).login(port);
        String narrowed = districtUser.get("/supplies?region=" + street.id()).body();
        assertThat(narrowed).doesNotContain(nextEstate.name()).contains("区域：" + street.name());
        assertThat(districtUser.get("/supplies?region=" + nextStreet.id()).body()).contains(nextEstate.name());
    }
}
