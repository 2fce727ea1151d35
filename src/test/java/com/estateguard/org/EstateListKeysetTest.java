package com.estateguard.org;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The estates list of a street of many estates (issue 12 §3): 50 a page by keyset in name order, every estate once while
 * estates are registered meanwhile, the search kept across pages, the count stopped at 1,000, and never an estate of
 * another street.
 */
@IntegrationTest
class EstateListKeysetTest {

    private static final Pattern ROW = Pattern.compile("<td><a href=\"/estates/(\\d+)\">");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    OrgDirectory org;
    @Autowired
    JdbcClient jdbc;

    RegionRef community;
    long company;
    String tag;
    List<Long> ids = new ArrayList<>();
    long foreign;
    TestData.Person street;

    @BeforeEach
    void aStreetOfManyEstatesAndItsNeighbour() {
        RegionRef district = tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT);
        RegionRef streetRegion = tree.region(district, RegionLevel.STREET);
        community = tree.region(streetRegion, RegionLevel.COMMUNITY);
        company = tree.company(null);
        tag = "列表" + community.id();
        for (int i = 0; i < 55; i++) {
            ids.add(estate(tag + "苑" + (i * 37 % 55), community));   // names not in id order
        }
        RegionRef neighbour = tree.region(tree.region(district, RegionLevel.STREET), RegionLevel.COMMUNITY);
        foreign = estate(tag + "苑邻街", neighbour);
        street = tree.authority(Role.STREET_AUTHORITY, streetRegion);
    }

    private long estate(String name, RegionRef in) {
        return org.createEstate(new OrgDirectory.EstateForm(name, in.id(), company, new BigDecimal("10000"), name + "路1号",
                "项目经理", "防疫管理员", "临时观察点"), "test");
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }

    @Test
    void everyEstateOnceInNameOrderWhileOthersAreRegistered() {
        var browser = street.login(port);
        String first = browser.get("/estates").body();
        assertThat(rows(first)).hasSize(50);
        assertThat(first).contains("共 55 条").doesNotContain("rel=\"prev\"");

        long early = estate("0" + tag, community);   // sorts before every row already seen
        long late = estate("龥" + tag, community);   // sorts after every row
        String second = browser.get(link(NEXT, first)).body();
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(second));
        assertThat(seen).as("no estate twice").doesNotHaveDuplicates().containsAll(ids).contains(late)
                .doesNotContain(early, foreign);
        assertThat(link(NEXT, second)).isNull();
        List<Long> back = rows(browser.get(link(PREVIOUS, second)).body());
        assertThat(back).hasSize(50).doesNotContainAnyElementsOf(rows(second));

        List<String> names = org.estatePage(street.user().scopePath(), EstateListFilter.ALL, null, null, 100).rows().stream()
                .map(EstateRef::name).toList();
        assertThat(names).as("name order").isSorted().hasSize(57);
    }

    @Test
    void theSearchIsKeptAcrossPagesAndStaysInsideTheStreet() {
        for (int i = 0; i < 50; i++) {
            estate(tag + "其他" + i, community);
        }
        var browser = street.login(port);
        String q = URLEncoder.encode(tag + "苑", StandardCharsets.UTF_8);
        String first = browser.get("/estates?q=" + q).body();
        assertThat(first).contains("共 55 条");
        String next = link(NEXT, first);
        assertThat(next).contains("q=");
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(browser.get(next).body()));
        assertThat(new HashSet<>(seen)).containsExactlyInAnyOrderElementsOf(ids);

        String community = URLEncoder.encode(this.community.name(), StandardCharsets.UTF_8);
        assertThat(browser.get("/estates?q=" + community).body()).contains("共 105 条");
        assertThat(browser.get("/estates?q=" + URLEncoder.encode("邻街", StandardCharsets.UTF_8)).body())
                .contains("暂无数据").doesNotContain("/estates/" + foreign + "\"");
    }

    @Test
    void aCityOfMoreThanAThousandEstatesIsNotCountedToTheEnd() {
        jdbc.sql("""
                        INSERT INTO org_estate (name, region_id, company_id, area_m2, region_path, company_path, created_by)
                        SELECT :tag || '批量' || n, :community, :company, 1000, '', '', 'test' FROM generate_series(1, 1000) n""")
                .param("tag", tag).param("community", community.id()).param("company", company).update();
        String page = street.login(port).get("/estates").body();
        assertThat(page).contains("超过 1,000 条").doesNotContain("共 1");
        assertThat(rows(page)).hasSize(50);
        assertThat(org.estatePage(street.user().scopePath(), EstateListFilter.ALL, null, null, 50).counted()).isEqualTo(1000);
    }
}
