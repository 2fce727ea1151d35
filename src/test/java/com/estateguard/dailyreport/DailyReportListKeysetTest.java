package com.estateguard.dailyreport;

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
import com.estateguard.dailyreport.internal.DailyReports;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The daily reports list at a street of many estates (issue 12 §3): the statuses counted over the whole scope without
 * compiling a report per estate, the estates paged by keyset (50 a page) with the date and status kept in the URL,
 * and the combined figures of the submitted reports when too many are unsubmitted to compile live.
 */
@IntegrationTest
class DailyReportListKeysetTest {

    private static final Pattern ROW = Pattern.compile("href=\"/daily-reports/estates/(\\d+)\\?date=");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    TestClock clock;
    @Autowired
    DailyReports reports;

    @Autowired
    OrgDirectory org;

    TestData.Estate sent;
    List<Long> ids = new ArrayList<>();
    TestData.Person street;
    LocalDate today;

    @BeforeEach
    void aStreetOfManyEstates() {
        clock.setToday(10, 0);
        today = clock.today();
        RegionRef city = tree.city(PolicyPreset.BEIJING_2022);
        RegionRef streetRegion = tree.region(tree.region(city, RegionLevel.DISTRICT), RegionLevel.STREET);
        RegionRef community = tree.region(streetRegion, RegionLevel.COMMUNITY);
        long company = tree.company(null);
        sent = tree.estate(community, company);   // equipped, with an administrator who submits
        ids.add(sent.id());
        for (int i = 1; i < DailyReports.LIVE_COMBINE_LIMIT + 5; i++) {   // the others bare: only the organisation's record
            String name = "日报分页小区" + UUID.randomUUID();
            ids.add(org.createEstate(new OrgDirectory.EstateForm(name, community.id(), company, new BigDecimal("10000"), name + "路1号",
                    "项目经理", "防疫管理员", "临时观察点"), "test-data"));
        }
        street = tree.authority(Role.STREET_AUTHORITY, streetRegion);
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }

    @Test
    void everyEstateOnceAcrossPagesWithItsStatusCountedAndFiltered() {
        reports.submit(sent.id(), today, "已核对", 0, sent.admin().user());
        var browser = street.login(port);

        String first = browser.get("/daily-reports?date=" + today).body();
        assertThat(rows(first)).hasSize(50);
        assertThat(first).contains("已报送 1").contains("待报送 54").contains("共 55 条").doesNotContain("rel=\"prev\"")
                .contains("已报送的 1 个小区汇总（未报送的 54 个小区未计入）");
        String next = link(NEXT, first);
        assertThat(next).contains("after=").contains("date=" + today);
        String second = browser.get(next).body();
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(second));
        assertThat(new LinkedHashSet<>(seen)).as("every estate once").hasSize(55)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(link(NEXT, second)).isNull();
        assertThat(rows(browser.get(link(PREVIOUS, second)).body())).containsExactlyElementsOf(rows(first));

        String submitted = browser.get("/daily-reports?date=" + today + "&status=SUBMITTED").body();
        assertThat(rows(submitted)).containsExactly(sent.id());
        assertThat(submitted).contains(sent.admin().user().actor());
        String due = browser.get("/daily-reports?date=" + today + "&status=DUE").body();
        assertThat(rows(due)).hasSize(50).doesNotContain(sent.id());
        assertThat(link(NEXT, due)).contains("status=DUE");
        assertThat(browser.get("/daily-reports?date=" + today + "&status=OVERDUE").body()).contains("没有该状态的小区");
    }

    @Test
    void theCombinedExportSumsTheSubmittedReportsAndSaysWhatIsLeftOut() throws Exception {
        reports.submit(sent.id(), today, "已核对", 0, sent.admin().user());
        byte[] xlsx = street.login(port).getBytes("/daily-reports/export?date=" + today + "&format=xlsx").body();
        List<String> cells = new ArrayList<>();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            wb.getFirstSheet().read().forEach(r -> cells.add(r.getCellText(0)));
        }
        assertThat(cells).contains("已报送的 1 个小区汇总（未报送的 54 个小区未计入）", "已报送：1", "待报送：54",
                sent.name() + "：已报送");
        assertThat(cells.stream().filter(c -> c.endsWith("：待报送")).count()).as("each estate of a small scope listed").isEqualTo(54);
    }
}
