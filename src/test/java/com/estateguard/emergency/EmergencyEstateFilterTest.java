package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.org.EstateChoice;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The emergency overview's estate filter (issue 12 §3): a city's hundreds of estates are searched by name
 * ({@link EstateChoice}, answered inside the user's scope), not sent as one option each; a street's few are a list;
 * an estate's own staff have no filter and keep their page as before.
 */
@IntegrationTest
class EmergencyEstateFilterTest {

    private static final Pattern OPTION = Pattern.compile("<option value=\"\\d+\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    OrgDirectory org;

    @Test
    void aCityOfManyEstatesSearchesByNameAndAStreetChoosesFromItsList() {
        var first = data.estate(PolicyPreset.BEIJING_2022);
        long company = org.createCompany(null, "应急筛选物业" + first.id(), "test");
        for (int i = 0; i < EstateChoice.LIST_MAX; i++) {
            org.createEstate(new OrgDirectory.EstateForm("应急筛选" + first.id() + "花园" + i + "期", first.regions().community(), company,
                    new BigDecimal("1000"), "路" + i + "号", "经理", "管理员", "观察点"), "test");
        }
        var city = data.authority(first, Role.CITY_AUTHORITY).login(port);

        String page = city.get("/emergency").body();
        assertThat(page).contains("id=\"estate-filter\"").contains("name=\"estateq\"").contains("在 201 个小区中按名称查找")
                .contains("/org/estate-options").contains("筛选");
        assertThat(OPTION.matcher(page).results().count()).as("no estate sent as an option until searched").isZero();

        String chosen = city.get("/emergency?estate=" + first.id() + "&all=true").body();
        assertThat(chosen).contains("value=\"" + first.id() + "\" selected").contains("name=\"all\" value=\"true\"");
        assertThat(OPTION.matcher(chosen).results().count()).as("the chosen estate only").isEqualTo(1);

        var elsewhere = data.estate(PolicyPreset.BEIJING_2022);
        String street = data.authority(elsewhere, Role.STREET_AUTHORITY).login(port).get("/emergency").body();
        assertThat(street).doesNotContain("name=\"estateq\"").contains("value=\"" + elsewhere.id() + "\"")
                .doesNotContain("应急筛选" + first.id());
        assertThat(OPTION.matcher(street).results().count()).isEqualTo(1);
    }

    @Test
    void anEstatesOwnStaffHaveNoFilterAndOpenIncidentsAsBefore() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String page = estate.admin().login(port).get("/emergency").body();
        assertThat(page).doesNotContain("id=\"estate-filter\"").doesNotContain("name=\"estateq\"")
                .contains("id=\"open-incident\"").contains("name=\"estateId\" value=\"" + estate.id() + "\"");
    }
}
