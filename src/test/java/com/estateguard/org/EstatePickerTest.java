package com.estateguard.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A city's estate filter (issue 12 §3): a few estates are offered as one list; a city's hundreds are searched by name
 * instead of sent as thousands of options, and the search answers only from the user's own scope.
 */
@IntegrationTest
class EstatePickerTest {

    private static final Pattern OPTION = Pattern.compile("<option value=\"\\d+\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    OrgDirectory org;

    @Test
    void aCityOfManyEstatesIsSearchedByNameInsideTheScope() {
        var first = data.estate(PolicyPreset.BEIJING_2022);
        long company = org.createCompany(null, "选择器物业" + first.id(), "test");
        String tag = "选择器" + first.id();
        for (int i = 0; i < EstateChoice.LIST_MAX; i++) {
            org.createEstate(new OrgDirectory.EstateForm(tag + "花园" + i + "期", first.regions().community(), company,
                    new BigDecimal("1000"), "路" + i + "号", "经理", "管理员", "观察点"), "test");
        }
        var elsewhere = data.estate(PolicyPreset.BEIJING_2022);   // another city, same kind of name
        org.createEstate(new OrgDirectory.EstateForm(tag + "花园外城", elsewhere.regions().community(), company,
                new BigDecimal("1000"), "外城路1号", "经理", "管理员", "观察点"), "test");
        var city = data.authority(first, Role.CITY_AUTHORITY).login(port);

        String list = city.get("/checks").body();
        assertThat(list).contains("name=\"estateq\"").contains("在 201 个小区中按名称查找");
        assertThat(OPTION.matcher(list).results().count()).as("no estate sent as an option until searched").isZero();
        assertThat(list.length()).as("the page stays small").isLessThan(60_000);

        String found = city.get("/org/estate-options?estateq=" + URLEncoder.encode(tag + "花园1", StandardCharsets.UTF_8)).body();
        assertThat(found).contains(tag + "花园1期").contains(tag + "花园10期").contains(tag + "花园19期").doesNotContain(tag + "花园2期")
                .doesNotContain("外城");
        assertThat(OPTION.matcher(found).results().count()).isLessThanOrEqualTo(EstateChoice.SEARCH_MAX);

        // A chosen estate stays chosen on the next page view, as the only option besides "all".
        String chosen = city.get("/checks?estate=" + first.id()).body();
        assertThat(chosen).contains("value=\"" + first.id() + "\" selected");
        String estateSelect = chosen.substring(chosen.indexOf("<select name=\"estate\""));
        estateSelect = estateSelect.substring(0, estateSelect.indexOf("</select>"));
        assertThat(OPTION.matcher(estateSelect).results().count()).isEqualTo(1);

        // The new-user form's estate field is searched the same way; its blank option means none, not all.
        String users = city.get("/users").body();
        String field = users.substring(users.indexOf("<select name=\"estateId\""));
        field = field.substring(0, field.indexOf("</select>"));
        assertThat(users).contains("/org/estate-options?field=true");
        assertThat(OPTION.matcher(field).results().count()).as("no estate sent as an option until searched").isZero();
        String answers = city.get("/org/estate-options?field=true&estateq=" + URLEncoder.encode(tag + "花园1", StandardCharsets.UTF_8)).body();
        assertThat(answers).contains(tag + "花园19期").contains("<option value=\"\">—</option>").doesNotContain("全部");
    }

    @Test
    void anEstatesOwnStaffGetTheListAsBefore() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String list = estate.admin().login(port).get("/checks").body();
        assertThat(list).doesNotContain("name=\"estateq\"").contains("value=\"" + estate.id() + "\"");
        assertThat(estate.admin().login(port).get("/org/estate-options?estateq=" + URLEncoder.encode("测试小区", StandardCharsets.UTF_8)).body())
                .contains("value=\"" + estate.id() + "\"").doesNotContain("选择器");
    }
}
