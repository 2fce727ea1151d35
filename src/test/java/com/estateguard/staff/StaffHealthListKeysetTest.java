package com.estateguard.staff;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.staff.internal.StaffHealth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff health list of a street of many estates (issue 12 §3): estates 50 a page by keyset with the day's readings,
 * the street's figures counted over all of its estates, "only estates with someone unfit" and the estate picker kept
 * across pages, and never an estate of another street.
 */
@IntegrationTest
class StaffHealthListKeysetTest {

    private static final Pattern ROW = Pattern.compile("href=\"/staff-health/estates/(\\d+)\\?date=");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    TestClock clock;
    @Autowired
    OrgDirectory org;
    @Autowired
    StaffHealth health;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate fever;
    TestData.Estate neighbour;
    List<Long> ids = new ArrayList<>();
    TestData.Person street;

    @BeforeEach
    void aStreetOfManyEstates() {
        clock.setToday(9, 0);
        RegionRef district = tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT);
        RegionRef streetRegion = tree.region(district, RegionLevel.STREET);
        RegionRef community = tree.region(streetRegion, RegionLevel.COMMUNITY);
        long company = tree.company(null);
        fever = tree.estate(community, company);   // equipped: an administrator and a guard
        ids.add(fever.id());
        for (int i = 1; i < 55; i++) {
            String name = "员工分页小区" + community.id() + "-" + i;
            ids.add(org.createEstate(new OrgDirectory.EstateForm(name, community.id(), company, new BigDecimal("10000"), name + "路1号",
                    "项目经理", "防疫管理员", "临时观察点"), "test"));
        }
        neighbour = tree.estate(tree.region(tree.region(district, RegionLevel.STREET), RegionLevel.COMMUNITY), company);
        street = tree.authority(Role.STREET_AUTHORITY, streetRegion);
    }

    private void reading(TestData.Estate at, TestData.Person who, String celsius) {
        health.record(at.id(), new StaffHealth.HealthForm(who.id(), StaffHealth.Period.MORNING, new BigDecimal(celsius), false, null),
                at.admin().user());
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }

    @Test
    void everyEstateOnceWithTheStreetsFiguresAndFiltersKept() {
        reading(fever, fever.guard(), "38.2");
        reading(fever, fever.admin(), "36.5");
        reading(neighbour, neighbour.guard(), "38.5");   // another street's: never counted here
        var browser = street.login(port);

        String first = browser.get("/staff-health").body();
        assertThat(rows(first)).hasSize(50);
        assertThat(first).contains("辖区 2 人测温，1 人不得上岗（1 个小区）").contains("共 55 条").doesNotContain("rel=\"prev\"");
        String second = browser.get(link(NEXT, first)).body();
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(second));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids).doesNotContain(neighbour.id());
        assertThat(rows(browser.get(link(PREVIOUS, second)).body())).containsExactlyElementsOf(rows(first));

        String unfit = browser.get("/staff-health?unfit=true").body();
        assertThat(rows(unfit)).containsExactly(fever.id());
        assertThat(unfit).contains("共 1 条");
        String picked = browser.get("/staff-health?estate=" + ids.get(7)).body();
        assertThat(rows(picked)).containsExactly(ids.get(7));
        assertThat(rows(browser.get("/staff-health?estate=" + neighbour.id()).body())).as("not in the street").isEmpty();
        assertThat(browser.get("/staff-health?unfit=true&estate=" + ids.get(7)).body()).contains("当日没有小区有人不得上岗");

        String yesterday = browser.get("/staff-health?date=" + clock.today().minusDays(1)).body();
        assertThat(yesterday).contains("辖区 0 人测温");
        assertThat(link(NEXT, yesterday)).contains("date=" + clock.today().minusDays(1));
    }

    @Test
    void onlyEstatesWithSomeoneUnfitAcrossPages() {
        reading(fever, fever.guard(), "38.2");
        List<Long> unfit = new ArrayList<>(ids.subList(0, 52));
        jdbc.sql("""
                        INSERT INTO stf_health (estate_id, user_id, day, period, temperature_c, exposure, limit_c, eligible, reasons,
                                                policy_version_id, created_by)
                        SELECT e, h.user_id, h.day, h.period, h.temperature_c, h.exposure, h.limit_c, h.eligible, h.reasons,
                               h.policy_version_id, 'test'
                          FROM stf_health h CROSS JOIN unnest(:estates) e WHERE h.estate_id = :fever""")
                .param("estates", unfit.subList(1, 52).toArray(Long[]::new)).param("fever", fever.id()).update();
        var browser = street.login(port);

        String first = browser.get("/staff-health?unfit=true").body();
        assertThat(first).contains("52 人不得上岗（52 个小区）").contains("共 52 条");
        assertThat(rows(first)).hasSize(50);
        String next = link(NEXT, first);
        assertThat(next).contains("unfit=true").contains("date=" + clock.today());
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(browser.get(next).body()));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(unfit);
    }
}
