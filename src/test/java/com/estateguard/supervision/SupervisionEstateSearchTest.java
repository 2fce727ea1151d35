package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.org.EstateChoice;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.PolicyPreset;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Choosing an estate to inspect and one's home for 回家就是督导 at city scale (issue 12): a city of a few estates lists
 * them as before; one of more than the estate filter lists ({@link EstateChoice#LIST_MAX}) asks for a name and answers
 * the search from SQL, inside the city only.
 */
@IntegrationTest
class SupervisionEstateSearchTest {

    private static final Pattern CHOICE = Pattern.compile("<li><b>([^<]*)</b>");
    private static final Pattern OPTION = Pattern.compile("<option value=\"(\\d+)\"[^>]*>([^<（]*)");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    OrgDirectory org;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Inspections inspections;

    @Test
    void theInspectorGetsAFewEstatesListedAndACitysSearchedByName() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var city = data.authority(estate, Role.CITY_AUTHORITY).login(port);
        String few = city.get("/supervision/inspect").body();
        assertThat(choices(few)).containsExactly(estate.name());
        assertThat(few).doesNotContain("id=\"estate-search-first\"");

        String tag = manyEstates(estate);
        String many = city.get("/supervision/inspect").body();
        assertThat(many).contains("id=\"estate-search-first\"").contains("共有 201 个小区，请输入小区名称查找");
        assertThat(choices(many)).as("no estate listed until searched").isEmpty();

        // 花园12期 and 花园120期..花园129期 of the city's; not the other city's of the same name.
        List<String> found = choices(city.get("/supervision/inspect?q=" + encoded(tag + "花园12")).body());
        assertThat(found).hasSize(11).contains(tag + "花园12期", tag + "花园120期", tag + "花园129期")
                .allMatch(name -> name.startsWith(tag + "花园12")).doesNotContain(tag + "花园12外城");
    }

    @Test
    void aHomeIsChosenFromAFewEstatesOrFoundByNameAmongACitys() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var city = data.authority(estate, Role.CITY_AUTHORITY).login(port);
        String home = "/supervision/campaigns/" + campaign(city, estate.regions().city()) + "/home";
        String few = city.get(home).body();
        assertThat(options(few)).containsExactly(estate.name());
        assertThat(few).doesNotContain("id=\"home-search-first\"");

        String tag = manyEstates(estate);
        String many = city.get(home).body();
        assertThat(many).contains("id=\"home-search-first\"").contains("共有 201 个小区，请输入小区名称查找");
        assertThat(options(many)).as("no estate sent as an option until searched").isEmpty();

        String found = city.get(home + "?q=" + encoded(tag + "花园12")).body();
        assertThat(options(found)).hasSize(11).contains(tag + "花园12期", tag + "花园129期").doesNotContain(tag + "花园1期", tag + "花园12外城");
        var chosen = OPTION.matcher(homeForm(found)).results()
                .filter(m -> m.group(2).equals(tag + "花园125期")).findFirst().orElseThrow();
        assertThat(city.postForm(home, Map.of("estateId", chosen.group(1))).status()).isEqualTo(302);

        String after = city.get(home).body();
        assertThat(after).contains("id=\"home-search-first\"");
        assertThat(options(after)).as("the home recorded stays the one option").containsExactly(tag + "花园125期");
        assertThat(after).contains("value=\"" + chosen.group(1) + "\" selected");
    }

    /** {@link EstateChoice#LIST_MAX} estates more in the estate's city, and one of the same name in another city. */
    private String manyEstates(TestData.Estate estate) {
        String tag = "督导查找" + estate.id();
        long company = org.createCompany(null, "督导查找物业" + estate.id(), "test");
        jdbc.sql("""
                        INSERT INTO org_estate (name, region_id, company_id, area_m2, region_path, company_path, created_by)
                        SELECT :tag || '花园' || n || '期', :community, :company, 1000, '', '', 'test' FROM generate_series(1, :count) n""")
                .param("tag", tag).param("community", estate.regions().community()).param("company", company)
                .param("count", EstateChoice.LIST_MAX).update();
        var elsewhere = data.estate(PolicyPreset.HUACHUAN_2021);
        jdbc.sql("""
                        INSERT INTO org_estate (name, region_id, company_id, area_m2, region_path, company_path, created_by)
                        VALUES (:name, :community, :company, 1000, '', '', 'test')""")
                .param("name", tag + "花园12外城").param("community", elsewhere.regions().community()).param("company", company).update();
        return tag;
    }

    private long campaign(TestClient client, long region) {
        client.get("/supervision/campaigns");
        var created = client.postForm("/supervision/campaigns", Map.of("name", "物业小区疫情防控专项督导" + region,
                "regionId", String.valueOf(region), "templateId", String.valueOf(inspections.inUse("HUACHUAN_2021").orElseThrow().value()),
                "kinds", "SELF_HOME,GROUP,SPOT_CHECK", "phaseName", "第一阶段", "startsOn", "2022-04-19", "endsOn", "2022-04-26"));
        assertThat(created.status()).isEqualTo(302);
        return Long.parseLong(created.contentType().replaceAll(".*/campaigns/(\\d+).*", "$1"));
    }

    /** The estates listed to inspect. */
    private static List<String> choices(String page) {
        return CHOICE.matcher(section(page, "id=\"estate-choices\"", "</ul>")).results().map(m -> m.group(1)).toList();
    }

    /** The estates the home form offers. */
    private static List<String> options(String page) {
        return OPTION.matcher(homeForm(page)).results().map(m -> m.group(2)).toList();
    }

    private static String homeForm(String page) {
        return section(page, "id=\"record-home\"", "</form>");
    }

    /** The page from the element with this attribute to the end tag that closes it. */
    private static String section(String page, String attribute, String endTag) {
        String from = page.substring(page.indexOf(attribute));
        return from.substring(0, from.indexOf(endTag));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
