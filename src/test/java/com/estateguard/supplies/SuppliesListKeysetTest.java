package com.estateguard.supplies;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.cockpit.internal.DayFigureJob;
import com.estateguard.common.Role;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.supplies.internal.Supplies;
import com.estateguard.supplies.internal.SupplyCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supplies list of a street of many estates (issue 12 §3): estates 50 a page by keyset, each with its items below
 * the policy's cover, the street's total from the cockpit's roll-ups, the estate picker kept across pages, and never
 * another street's estate.
 */
@IntegrationTest
class SuppliesListKeysetTest {

    private static final Pattern ROW = Pattern.compile("href=\"/supplies/estates/(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    TestClock clock;
    @Autowired
    OrgDirectory org;
    @Autowired
    Supplies supplies;
    @Autowired
    DayFigureJob cockpit;

    TestData.Estate short_;
    TestData.Estate neighbour;
    List<Long> ids = new ArrayList<>();
    TestData.Person street;

    @BeforeEach
    void aStreetOfManyEstates() {
        clock.setToday(10, 0);
        RegionRef district = tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT);
        RegionRef streetRegion = tree.region(district, RegionLevel.STREET);
        RegionRef community = tree.region(streetRegion, RegionLevel.COMMUNITY);
        long company = tree.company(null);
        short_ = tree.estate(community, company);
        ids.add(short_.id());
        for (int i = 1; i < 55; i++) {
            String name = "物资分页小区" + community.id() + "-" + i;
            ids.add(org.createEstate(new OrgDirectory.EstateForm(name, community.id(), company, new BigDecimal("10000"), name + "路1号",
                    "项目经理", "防疫管理员", "临时观察点"), "test"));
        }
        neighbour = tree.estate(tree.region(tree.region(district, RegionLevel.STREET), RegionLevel.COMMUNITY), company);
        street = tree.authority(Role.STREET_AUTHORITY, streetRegion);
    }

    /** 100 in, 35 out two days ago: 5 a day over the 7-day window, 65 left against 30 days' 150 (Beijing 2022). */
    private void itemBelowCover(TestData.Estate at, String name) {
        long item = supplies.addItem(at.id(), new Supplies.ItemForm(name, SupplyCategory.CHLORINE_TABLETS, "瓶", false, null, null),
                at.admin().user());
        supplies.move(at.id(), new Supplies.MovementForm(item, Supplies.Direction.IN, new BigDecimal("100"), clock.localNow().minusDays(3), null),
                at.admin().user());
        supplies.move(at.id(), new Supplies.MovementForm(item, Supplies.Direction.OUT, new BigDecimal("35"), clock.localNow().minusDays(2), null),
                at.admin().user());
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }

    @Test
    void everyEstateOnceWithItsItemsBelowCoverAndTheStreetsTotal() {
        itemBelowCover(short_, "消毒片");
        supplies.addItem(short_.id(), new Supplies.ItemForm("口罩", SupplyCategory.MASKS, "个", false, null, null), short_.admin().user());
        itemBelowCover(neighbour, "消毒片");   // another street's: never counted here
        cockpit.refresh(clock.today());
        var browser = street.login(port);

        String first = browser.get("/supplies").body();
        assertThat(rows(first)).hasSize(50);
        assertThat(first).contains("辖区今日 1 项物资低于储备天数").contains("共 55 条");
        String second = browser.get(link(NEXT, first)).body();
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(second));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids).doesNotContain(neighbour.id());
        assertThat(rows(browser.get(link(PREVIOUS, second)).body())).containsExactlyElementsOf(rows(first));

        String own = first.contains("/supplies/estates/" + short_.id() + "\"") ? first : second;
        Matcher line = Pattern.compile("/supplies/estates/" + short_.id() + "\".*?</tr>", Pattern.DOTALL).matcher(own);
        assertThat(line.find()).isTrue();
        assertThat(line.group()).as("two items, one below cover").contains("<td>2</td>").contains(">1</td>");

        String picked = browser.get("/supplies?estate=" + short_.id()).body();
        assertThat(rows(picked)).containsExactly(short_.id());
        assertThat(picked).contains("value=\"" + short_.id() + "\" selected");
        assertThat(rows(browser.get("/supplies?estate=" + neighbour.id()).body())).isEmpty();
    }
}
