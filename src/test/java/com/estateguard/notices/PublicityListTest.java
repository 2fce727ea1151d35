package com.estateguard.notices;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The publicity list of a street's, district's or city's estates (宣传与排查, issue 12): 50 a page by keyset with
 * 上一页/下一页, searched by name inside the reader's scope, counted; an estate's own staff go straight to their estate.
 */
@IntegrationTest
class PublicityListTest {

    private static final Pattern ROW = Pattern.compile("<td><a href=\"/publicity/estates/(\\d+)\">");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestTree tree;
    @Autowired
    OrgDirectory org;

    @Test
    void aStreetOfOneEstateListsItAsBefore() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String page = data.authority(estate, Role.STREET_AUTHORITY).login(port).get("/publicity").body();
        assertThat(KeysetLinks.ids(ROW, page)).containsExactly(estate.id());
        assertThat(page).contains(estate.name()).contains("共 1 条").doesNotContain("rel=\"next\"").doesNotContain("rel=\"prev\"");

        var own = estate.admin().login(port).get("/publicity");
        assertThat(own.status()).isEqualTo(302);
        assertThat(own.contentType()).endsWith("/publicity/estates/" + estate.id());
    }

    @Test
    void aStreetOfManyEstatesIsPagedAndSearchedInsideIt() {
        RegionRef district = tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT);
        RegionRef streetRegion = tree.region(district, RegionLevel.STREET);
        RegionRef community = tree.region(streetRegion, RegionLevel.COMMUNITY);
        long company = tree.company(null);
        String tag = "宣传" + community.id();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            ids.add(estate(tag + "苑" + (i * 37 % 55), community, company));
        }
        long foreign = estate(tag + "苑邻街", tree.region(tree.region(district, RegionLevel.STREET), RegionLevel.COMMUNITY), company);
        var street = tree.authority(Role.STREET_AUTHORITY, streetRegion).login(port);

        String first = street.get("/publicity").body();
        assertThat(KeysetLinks.ids(ROW, first)).hasSize(50);
        assertThat(first).contains("共 55 条").doesNotContain("rel=\"prev\"");
        String second = street.get(link(NEXT, first)).body();
        List<Long> seen = new ArrayList<>(KeysetLinks.ids(ROW, first));
        seen.addAll(KeysetLinks.ids(ROW, second));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(link(NEXT, second)).isNull();
        assertThat(KeysetLinks.ids(ROW, street.get(link(PREVIOUS, second)).body())).isEqualTo(KeysetLinks.ids(ROW, first));

        String some = street.get("/publicity?q=" + URLEncoder.encode(tag + "苑1", StandardCharsets.UTF_8)).body();
        // 苑1 and 苑10..苑19: eleven of the street's estates, the neighbouring street's none.
        assertThat(KeysetLinks.ids(ROW, some)).hasSize(11).isSubsetOf(ids);
        assertThat(some).contains("共 11 条");
        String none = street.get("/publicity?q=" + URLEncoder.encode("邻街", StandardCharsets.UTF_8)).body();
        assertThat(none).contains("id=\"publicity-empty\"").contains("没有名称包含“邻街”的小区")
                .doesNotContain("/publicity/estates/" + foreign + "\"");
    }

    private long estate(String name, RegionRef in, long company) {
        return org.createEstate(new OrgDirectory.EstateForm(name, in.id(), company, new BigDecimal("10000"), name + "路1号",
                "项目经理", "防疫管理员", "临时观察点"), "test");
    }
}
