package com.estateguard.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.cockpit.internal.CheckRollupJob;
import com.estateguard.cockpit.internal.DayFigureJob;
import com.estateguard.common.Role;
import com.estateguard.dailyreport.internal.DailyReports;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.OpenIncident;
import com.estateguard.org.EstateId;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.staff.internal.StaffHealth;
import com.estateguard.supervision.InspectionId;
import com.estateguard.supervision.OrderTestData;
import com.estateguard.supplies.internal.Supplies;
import com.estateguard.supplies.internal.SupplyCategory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every number of the cockpit leads to the list behind it, narrowed to the place it counts (issue 12 §2): a city of two
 * districts with something of every kind in each, more in one than in the other; the city user takes a district's
 * number (its row in the city's table, its own cockpit, one of its estates), follows the link and finds exactly the rows
 * the number counts, and only the district's. The hygiene figures count tasks, and their list is the district's estates
 * with each one's tasks of the day.
 */
@IntegrationTest
class CockpitListLinksTest {

    private static final Pattern ANCHOR = Pattern.compile("<a ([^>]*)>(.*?)</a>", Pattern.DOTALL);
    private static final Map<String, Pattern> ROWS = Map.of(
            "checks", Pattern.compile("href=\"/checks/(\\d+)\""),
            "follow-ups", Pattern.compile("id=\"follow-up-(\\d+)\""),
            "daily-reports", Pattern.compile("href=\"/daily-reports/estates/(\\d+)\\?date="),
            "supplies", Pattern.compile("href=\"/supplies/estates/(\\d+)\""),
            "hygiene", Pattern.compile("href=\"/hygiene/estates/(\\d+)\\?date="),
            "staff-health", Pattern.compile("href=\"/staff-health/estates/(\\d+)\\?date="),
            "emergency", Pattern.compile("data-incident=\"(\\d+)\""),
            "supervision/orders", Pattern.compile("<tr data-order=\"(\\d+)\""),
            "supervision/inspections", Pattern.compile("data-id=\"(\\d+)\""));

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    TestClock clock;
    @Autowired
    CheckRollupJob rollups;
    @Autowired
    DayFigureJob dayFigures;
    @Autowired
    StaffHealth health;
    @Autowired
    Supplies supplies;
    @Autowired
    DailyReports reports;
    @Autowired
    Incidents incidents;
    @Autowired
    OrderTestData inspections;
    @Autowired
    JdbcClient jdbc;

    District big;
    District small;
    TestClient city;

    /** A district of the test's city, its two estates and what was recorded there, as ids. */
    record District(RegionRef region, TestData.Estate first, TestData.Estate second, List<Long> refused, List<Long> allowed,
                    List<Long> followUps, List<Long> incidents, List<Long> orders, List<Long> inspections, int itemsBelow,
                    List<Long> unfitAt) {
    }

    @BeforeEach
    void aCityOfTwoDistrictsWithSomethingOfEveryKindInEach() {
        clock.setToday(10, 0);
        RegionRef cityRegion = tree.city(PolicyPreset.BEIJING_2022);
        big = district(cityRegion, 2);
        small = district(cityRegion, 1);
        reports.submit(big.first().id(), clock.today(), "已核对", 0, big.first().admin().user());   // on time
        clock.setToday(20, 0);   // past the 18:00 deadline: the second estates' reports are missing
        reports.submit(small.first().id(), clock.today(), "已核对", 0, small.first().admin().user());   // late
        rollups.catchUp();
        dayFigures.refresh(clock.today());
        city = tree.authority(Role.CITY_AUTHORITY, cityRegion).login(port);
    }

    /** A district whose first estate holds {@code n} of each kind; its second an admitted entry (and, for two, an unfit guard). */
    private District district(RegionRef cityRegion, int n) {
        RegionRef district = tree.region(cityRegion, RegionLevel.DISTRICT);
        RegionRef street = tree.region(district, RegionLevel.STREET);
        RegionRef community = tree.region(street, RegionLevel.COMMUNITY);
        long company = tree.company(null);
        TestData.Estate first = tree.estate(community, company);
        TestData.Estate second = tree.estate(community, company);
        List<Long> refused = new ArrayList<>();
        List<Long> incidentIds = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        List<Long> inspectionIds = new ArrayList<>();
        var inspector = tree.authority(Role.STREET_AUTHORITY, street).user();
        for (int i = 0; i < n; i++) {
            refused.add(check(first, "38.6"));
            itemBelowCover(first, "消毒片" + i);
            incidentIds.add(incidents.open(new OpenIncident(new EstateId(first.id()), false, IncidentKind.CONFIRMED, "病例" + i, null,
                    null, CaseSource.NEW, null, clock.instant().minus(Duration.ofHours(1)), null, "家中"), first.admin().user()).value());
            InspectionId inspection = inspections.unqualified(first.id(), inspector);
            inspectionIds.add(inspection.value());
            orders.add(inspections.orderOf(inspection));
        }
        List<Long> allowed = List.of(check(second, "36.5"));
        List<Long> unfitAt = new ArrayList<>(List.of(first.id()));
        unfit(first);
        if (n > 1) {
            unfit(second);
            unfitAt.add(second.id());
        }
        List<Long> followUps = jdbc.sql("SELECT id FROM access_follow_up WHERE check_id IN (:ids) AND status = 'OPEN'")
                .param("ids", refused).query(Long.class).list();
        assertThat(followUps).as("a follow-up for each fever").hasSize(n);
        return new District(district, first, second, refused, allowed, followUps, incidentIds, orders, inspectionIds, n, unfitAt);
    }

    /** An entry at the estate's south gate, admitted at 36.5, refused for a fever above 37.3; its id. */
    private long check(TestData.Estate at, String celsius) {
        var response = at.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"访客",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},"mask":true}}"""
                .formatted(UUID.randomUUID(), at.southGate(), celsius, clock.instant().minus(5, ChronoUnit.HOURS)));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains(celsius.startsWith("36") ? "\"verdict\":\"ALLOW\"" : "FEVER");
        return Long.parseLong(response.body().replaceAll(".*\"checkId\":(\\d+).*", "$1"));
    }

    /** 100 in, 35 out two days ago: 5 a day over the 7-day window, 65 left against 30 days' 150 (Beijing 2022). */
    private void itemBelowCover(TestData.Estate at, String name) {
        long item = supplies.addItem(at.id(), new Supplies.ItemForm(name, SupplyCategory.CHLORINE_TABLETS, "瓶", false, null, null),
                at.admin().user());
        supplies.move(at.id(), new Supplies.MovementForm(item, Supplies.Direction.IN, new BigDecimal("100"),
                clock.localNow().minusDays(3), null), at.admin().user());
        supplies.move(at.id(), new Supplies.MovementForm(item, Supplies.Direction.OUT, new BigDecimal("35"),
                clock.localNow().minusDays(2), null), at.admin().user());
    }

    /** The estate's guard with a fever this morning: not fit for duty. */
    private void unfit(TestData.Estate at) {
        health.record(at.id(), new StaffHealth.HealthForm(at.guard().id(), StaffHealth.Period.MORNING, new BigDecimal("38.2"), false,
                null), at.admin().user());
    }

    @Test
    void everyNumberInADistrictsRowLeadsToExactlyItsRows() {
        String page = city.get("/cockpit").body();
        for (District d : List.of(big, small)) {
            Map<String, String[]> cells = numbers(row(page, d.region().id()));
            for (String figure : List.of("ENTRY.ALLOW", "ENTRY.REFUSE", "FOLLOWUP.OPEN", "REPORT.MISSING", "REPORT.LATE",
                    "SUPPLY.BELOW_COVER", "STAFF.UNFIT", "INCIDENT.OPEN", "SUPERVISION.ORDERS_OPEN")) {
                assertThat(cells).as(figure).containsKey(figure);
                followed(figure, cells.get(figure), d, "region=" + d.region().id());
            }
        }
    }

    @Test
    void everyNumberOfADistrictsOwnCockpitLeadsToExactlyItsRows() {
        String page = city.get("/cockpit?region=" + big.region().id()).body();
        Map<String, String[]> ledger = numbers(between(page, "id=\"ledger\"", "id=\"time-chart\""));
        for (String figure : List.of("FOLLOWUP.OPEN", "REPORT.SUBMITTED", "REPORT.LATE", "REPORT.MISSING", "HYGIENE.DUE",
                "SUPPLY.BELOW_COVER", "STAFF.UNFIT", "INCIDENT.OPEN", "SUPERVISION.ORDERS_OPEN", "SUPERVISION.INSPECTED")) {
            followed(figure, ledger.get(figure), big, "region=" + big.region().id());
        }
        for (String verdict : List.of("ALLOW", "REFUSE")) {
            Matcher total = Pattern.compile("id=\"total-" + verdict + "\" href=\"([^\"]+)\".*?class=\"n v-" + verdict + "\">(\\d+)<",
                    Pattern.DOTALL).matcher(page);
            assertThat(total.find()).as(verdict).isTrue();
            followed("ENTRY." + verdict, new String[] {unescaped(total.group(1)), total.group(2)}, big, "region=" + big.region().id());
        }
        Matcher fever = Pattern.compile("<a href=\"([^\"]*reason=FEVER[^\"]*)\">(\\d+)</a>").matcher(page);
        assertThat(fever.find()).isTrue();
        followed("REFUSAL.FEVER", new String[] {unescaped(fever.group(1)), fever.group(2)}, big, "region=" + big.region().id());
    }

    @Test
    void theNumbersOfAnEstateLeadToItsOwnRows() {
        String page = city.get("/cockpit?estate=" + big.first().id()).body();
        Map<String, String[]> ledger = numbers(between(page, "id=\"ledger\"", "id=\"time-chart\""));
        for (String figure : List.of("FOLLOWUP.OPEN", "INCIDENT.OPEN", "SUPERVISION.ORDERS_OPEN", "SUPERVISION.INSPECTED")) {
            followed(figure, ledger.get(figure), big, "estate=" + big.first().id());
        }
        for (String figure : List.of("REPORT.SUBMITTED", "SUPPLY.BELOW_COVER", "STAFF.UNFIT")) {
            assertThat(ledger.get(figure)[0]).as(figure).contains("/estates/" + big.first().id());
        }
    }

    /**
     * Follows a number's link and checks the list: the link narrows to the place, the rows are exactly those the number
     * counts in that district, and the number is their count.
     */
    private void followed(String figure, String[] number, District d, String narrowing) {
        assertThat(number).as(figure).isNotNull();
        String link = number[0];
        long value = Long.parseLong(number[1]);
        assertThat(link).as(figure + " links to its place").contains(narrowing);
        var response = city.get(link);
        assertThat(response.status()).as(link).isEqualTo(200);
        String list = response.body();
        List<Long> rows = KeysetLinks.ids(ROWS.get(link.substring(1, link.indexOf('?'))), list);
        List<Long> expected = expected(figure, d);
        assertThat(rows).as(figure + " behind " + link).containsExactlyInAnyOrderElementsOf(expected);
        switch (figure) {
            case "SUPPLY.BELOW_COVER" -> {
                assertThat(value).as(figure).isEqualTo(d.itemsBelow());
                assertThat(list).contains("辖区今日 " + value + " 项物资低于储备天数");
            }
            case "STAFF.UNFIT" -> {
                assertThat(value).as(figure).isEqualTo(d.unfitAt().size());
                assertThat(list).contains("，" + value + " 人不得上岗（" + d.unfitAt().size() + " 个小区）");
            }
            case "HYGIENE.DUE" -> assertThat(list).as(figure).contains("name=\"region\" value=\"" + d.region().id() + "\"");
            default -> assertThat(value).as(figure + ": the number is the list's rows").isEqualTo(expected.size());
        }
    }

    /** The rows a figure counts in the district: records, or for the per-estate ledgers the estates. */
    private List<Long> expected(String figure, District d) {
        boolean onTime = d == big;   // the big district's first report was sent on time, the small one's late
        return switch (figure) {
            case "ENTRY.ALLOW" -> d.allowed();
            case "ENTRY.REFUSE", "REFUSAL.FEVER" -> d.refused();
            case "FOLLOWUP.OPEN" -> d.followUps();
            case "REPORT.SUBMITTED" -> List.of(d.first().id());
            case "REPORT.MISSING" -> List.of(d.second().id());
            case "REPORT.LATE" -> onTime ? List.of(d.second().id()) : List.of(d.first().id(), d.second().id());
            case "SUPPLY.BELOW_COVER", "HYGIENE.DUE" -> List.of(d.first().id(), d.second().id());   // the district's estates, each with its count
            case "STAFF.UNFIT" -> d.unfitAt();
            case "INCIDENT.OPEN" -> d.incidents();
            case "SUPERVISION.ORDERS_OPEN" -> d.orders();
            case "SUPERVISION.INSPECTED" -> d.inspections();
            default -> throw new IllegalArgumentException(figure);
        };
    }

    /** The row of the parts' table for a region. */
    private static String row(String page, long region) {
        for (String row : page.split("<tr ")) {
            if (row.contains("class=\"drill\" href=\"/cockpit?region=" + region + "&amp;")) {
                return row.substring(0, row.indexOf("</tr>"));
            }
        }
        throw new AssertionError("no row for region " + region);
    }

    /** The numbers of a piece of page by figure: the link and the value of each anchor with a {@code data-figure}. */
    private static Map<String, String[]> numbers(String html) {
        Map<String, String[]> numbers = new LinkedHashMap<>();
        Matcher a = ANCHOR.matcher(html);
        while (a.find()) {
            Matcher figure = Pattern.compile("data-figure=\"([^\"]+)\"").matcher(a.group(1));
            Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(a.group(1));
            Matcher value = Pattern.compile("(\\d+)(</div>)?$").matcher(a.group(2).strip());
            if (figure.find() && href.find() && value.find()) {
                numbers.put(figure.group(1), new String[] {unescaped(href.group(1)), value.group(1)});
            }
        }
        return numbers;
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }

    private static String unescaped(String href) {
        return href.replace("&amp;", "&");
    }
}
