package com.estateguard.hygiene;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.hygiene.internal.Agent;
import com.estateguard.hygiene.internal.DayCompliance;
import com.estateguard.hygiene.internal.DisinfectionForm;
import com.estateguard.hygiene.internal.HygieneBoard;
import com.estateguard.hygiene.internal.HygieneRecords;
import com.estateguard.hygiene.internal.HygieneTasks;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.hygiene.internal.RegionHygieneBoard;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The disinfection list of a street (issue 12 §3): each estate's figures of the day as its own board shows them, the
 * estates 50 a page by keyset with the date, name search and "not met only" kept in the links, and a page view that
 * writes nothing (no task is made for a day by looking at it). A street of the test's own at 14:00 under Beijing
 * 2022, where a lobby is disinfected twice a day (due 13:00 and 20:00).
 */
@IntegrationTest
class RegionHygieneListTest {

    private static final Pattern ROW = Pattern.compile("href=\"/hygiene/estates/(\\d+)\\?date=");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    TestClock clock;
    @Autowired
    OrgDirectory org;
    @Autowired
    Places places;
    @Autowired
    HygieneTasks tasks;
    @Autowired
    HygieneRecords records;
    @Autowired
    HygieneBoard board;
    @Autowired
    RegionHygieneBoard region;
    @Autowired
    JdbcClient jdbc;

    LocalDate today;
    RegionRef community;
    RegionRef streetRegion;
    long company;
    TestData.Person street;
    String tag;
    /** Lobby slot 1 done and compliant; slot 2 to come. */
    long met;
    /** Nothing recorded: slot 1 overdue; yesterday's two tasks missed. */
    long overdue;
    /** Slot 1 recorded too weak: done, not compliant. */
    long weak;
    /** Slot 1 recorded too weak, then corrected: compliant. */
    long corrected;
    List<Long> bare = new ArrayList<>();

    @BeforeEach
    void aStreetWithFourEquippedEstatesAndManyBareOnes() {
        clock.setToday(14, 0);
        today = clock.today();
        RegionRef city = tree.city(PolicyPreset.BEIJING_2022);
        streetRegion = tree.region(tree.region(city, RegionLevel.DISTRICT), RegionLevel.STREET);
        community = tree.region(streetRegion, RegionLevel.COMMUNITY);
        company = tree.company(null);
        street = tree.authority(Role.STREET_AUTHORITY, streetRegion);
        tag = "消杀" + UUID.randomUUID().toString().substring(0, 8);
        met = estateWithLobby(tag + "甲园");
        overdue = estateWithLobby(tag + "乙园");
        weak = estateWithLobby(tag + "丙园");
        corrected = estateWithLobby(tag + "丁园");
        record(met, 300);
        record(weak, 100);
        record(corrected, 100);
        record(corrected, 300);
        tasks.ensure(org.estate(new EstateId(overdue), "R/").orElseThrow(), today.minusDays(1), "test");
        for (int i = 0; i < 52; i++) {
            bare.add(estate("消杀分页小区" + UUID.randomUUID()));
        }
    }

    private long estate(String name) {
        return org.createEstate(new OrgDirectory.EstateForm(name, community.id(), company, new BigDecimal("10000"), name + "路1号",
                "项目经理", "防疫管理员", "临时观察点"), "test-data");
    }

    private long estateWithLobby(String name) {
        long estate = estate(name);
        places.add(estate, new PlaceForm("大堂", PlaceType.LOBBY, null, null, null, null, null, null), street.user());
        return estate;
    }

    /** A record of the estate's first lobby round today, at 12:00. */
    private void record(long estate, int mgL) {
        long task = jdbc.sql("SELECT id FROM hyg_task WHERE estate_id = :e AND task_date = :d AND slot = 1")
                .param("e", estate).param("d", today).query(Long.class).single();
        records.record(task, new DisinfectionForm(today.atTime(12, 0), Agent.CHLORINE, mgL, new BigDecimal("80"), 30, null), null,
                street.user());
    }

    private Map<Long, DayCompliance> listed(LocalDate day, boolean unmetOnly) {
        return region.page(org.listScope(street.user(), null, null), day, new RegionHygieneBoard.Filter(tag, unmetOnly), null, null, 50).rows().stream()
                .collect(Collectors.toMap(r -> r.estate().id(), RegionHygieneBoard.Row::compliance));
    }

    @Test
    void eachEstatesFiguresAreThoseOfItsOwnBoard() {
        Map<Long, DayCompliance> listed = listed(today, false);
        assertThat(listed).containsOnlyKeys(met, overdue, weak, corrected);
        for (long estate : listed.keySet()) {
            assertThat(listed.get(estate)).as("estate %d", estate).isEqualTo(board.board(estate, today, street.user()).compliance());
        }
        assertThat(listed.get(met)).isEqualTo(new DayCompliance(2, 1, 1, 0, 0));
        assertThat(listed.get(overdue)).isEqualTo(new DayCompliance(2, 0, 0, 1, 0));
        assertThat(listed.get(weak)).isEqualTo(new DayCompliance(2, 1, 0, 0, 0));
        assertThat(listed.get(corrected)).as("the correction decides").isEqualTo(new DayCompliance(2, 1, 1, 0, 0));
        assertThat(listed(today, true)).containsOnlyKeys(overdue, weak);

        LocalDate yesterday = today.minusDays(1);
        Map<Long, DayCompliance> before = listed(yesterday, false);
        assertThat(before.get(overdue)).isEqualTo(new DayCompliance(2, 0, 0, 0, 2))
                .isEqualTo(board.board(overdue, yesterday, street.user()).compliance());
        assertThat(before.get(met)).as("no tasks were made that day").isEqualTo(new DayCompliance(0, 0, 0, 0, 0))
                .isEqualTo(board.board(met, yesterday, street.user()).compliance());
        assertThat(listed(yesterday, true)).containsOnlyKeys(overdue);

        clock.setToday(21, 0);   // both rounds past due: the one not done is overdue too
        assertThat(listed(today, false).get(met)).isEqualTo(new DayCompliance(2, 1, 1, 1, 0))
                .isEqualTo(board.board(met, today, street.user()).compliance());
    }

    @Test
    void everyEstateOnceAcrossPagesWithTheFiltersKeptInTheLinks() {
        TestClient browser = street.login(port);
        String first = browser.get("/hygiene").body();
        assertThat(first).contains("只看未达标的小区").contains("未达标：当日有不达标、超时未做或漏做的消毒任务。").contains("共 56 条")
                .contains("达标率").contains("超时未做").doesNotContain("rel=\"prev\"");
        assertThat(KeysetLinks.ids(ROW, first)).hasSize(50);
        String next = link(NEXT, first);
        assertThat(next).contains("after=").contains("date=" + today);
        String second = browser.get(next).body();
        List<Long> seen = new ArrayList<>(KeysetLinks.ids(ROW, first));
        seen.addAll(KeysetLinks.ids(ROW, second));
        List<Long> all = new ArrayList<>(List.of(met, overdue, weak, corrected));
        all.addAll(bare);
        assertThat(seen).as("every estate once").hasSize(56).containsExactlyInAnyOrderElementsOf(all);
        assertThat(new LinkedHashSet<>(seen)).hasSize(56);
        assertThat(link(NEXT, second)).isNull();
        assertThat(KeysetLinks.ids(ROW, browser.get(link(PREVIOUS, second)).body())).containsExactlyElementsOf(KeysetLinks.ids(ROW, first));

        String unmet = browser.get("/hygiene?noncompliant=true&date=" + today).body();
        assertThat(KeysetLinks.ids(ROW, unmet)).containsExactlyInAnyOrder(overdue, weak);
        assertThat(unmet).contains("共 2 条").contains("name=\"noncompliant\" value=\"true\" checked");
        String named = browser.get("/hygiene?q=" + enc(tag + "乙")).body();
        assertThat(KeysetLinks.ids(ROW, named)).containsExactly(overdue);
        assertThat(named).contains("value=\"" + tag + "乙\"");

        assertThat(browser.get("/hygiene?q=" + enc("没有这个小区")).body()).contains("没有名称包含“没有这个小区”的小区");
        assertThat(browser.get("/hygiene?noncompliant=true&date=" + today.plusDays(1)).body()).contains(today.plusDays(1) + " 没有未达标的小区");
        assertThat(browser.get("/hygiene?noncompliant=true&q=" + enc(tag + "甲")).body()).contains("没有名称包含“" + tag + "甲”且未达标的小区");
        RegionRef emptyStreet = tree.region(tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT), RegionLevel.STREET);
        assertThat(tree.authority(Role.STREET_AUTHORITY, emptyStreet).login(port).get("/hygiene").body()).contains("没有可查看的小区");

        TestClient.Response results = browser.send("GET", "/hygiene?noncompliant=true", null, null, Map.of("HX-Request", "true"));
        assertThat(results.body()).as("htmx gets the results alone").contains("<div id=\"results\">").doesNotContain("<html");
        assertThat(KeysetLinks.ids(ROW, results.body())).containsExactlyInAnyOrder(overdue, weak);

        String own = tree.staff(Role.PREVENTION_ADMIN, weak).login(port).get("/hygiene").body();
        assertThat(KeysetLinks.ids(ROW, own)).as("an estate's staff see their own estate").containsExactly(weak);
        assertThat(browser.get("/hygiene/estates/" + weak + "?date=" + today).body()).as("drill-down")
                .contains(tag + "丙园").contains("浓度偏低");
    }

    @Test
    void aRegionOfTheScopeNarrowsTheListAndItsLinks() {
        RegionRef otherCommunity = tree.region(streetRegion, RegionLevel.COMMUNITY);
        long elsewhere = org.createEstate(new OrgDirectory.EstateForm(tag + "己园", otherCommunity.id(), company,
                new BigDecimal("10000"), "己园路1号", "项目经理", "防疫管理员", "临时观察点"), "test-data");
        TestClient browser = street.login(port);

        String ours = browser.get("/hygiene?region=" + community.id() + "&date=" + today).body();
        assertThat(ours).contains("共 56 条").contains("name=\"region\" value=\"" + community.id() + "\"");
        assertThat(KeysetLinks.ids(ROW, ours)).doesNotContain(elsewhere);
        assertThat(link(NEXT, ours)).as("the region stays in the paging links").contains("region=" + community.id());
        assertThat(KeysetLinks.ids(ROW, browser.get("/hygiene?noncompliant=true&region=" + community.id()).body()))
                .containsExactlyInAnyOrder(overdue, weak);
        assertThat(KeysetLinks.ids(ROW, browser.get("/hygiene?region=" + otherCommunity.id()).body())).containsExactly(elsewhere);
        assertThat(KeysetLinks.ids(ROW, browser.get("/hygiene?q=" + enc(tag)).body())).as("the whole street without one")
                .contains(met, elsewhere);

        RegionRef foreign = tree.region(tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT), RegionLevel.STREET);
        assertThat(browser.get("/hygiene?region=" + foreign.id()).status()).as("a URL narrows a list, never widens it")
                .isEqualTo(404);
    }

    @Test
    void aPageViewWritesNoTask() {
        // An estate whose place has today's tasks but none for other days; a view of another day used to make them.
        long plain = estate(tag + "戊园");
        jdbc.sql("""
                INSERT INTO hyg_place (estate_id, name, place_type, times_per_day, agent, min_mg_l, max_mg_l, created_by)
                VALUES (:e, '车库', 'CAR_PARK', 1, 'CHLORINE', 250, 500, 'test')""").param("e", plain).update();
        tasks.ensure(org.estate(new EstateId(plain), "R/").orElseThrow(), today, "test");
        List<Long> ours = new ArrayList<>(List.of(met, overdue, weak, corrected, plain));
        ours.addAll(bare);
        String before = tasksOf(ours);

        TestClient browser = street.login(port);
        String next = link(NEXT, browser.get("/hygiene").body());
        browser.get(next);
        for (LocalDate day : List.of(today.minusDays(3), today.minusDays(1), today, today.plusDays(1))) {
            browser.get("/hygiene?date=" + day);
            browser.get("/hygiene?noncompliant=true&date=" + day);
            browser.get("/hygiene?q=" + enc(tag) + "&date=" + day);
            browser.send("GET", "/hygiene?date=" + day, null, null, Map.of("HX-Request", "true"));
            browser.get("/hygiene/estates/" + plain + "?date=" + day);
        }
        assertThat(tasksOf(ours)).as("tasks per estate and day, before and after the views").isEqualTo(before);
    }

    private String tasksOf(List<Long> estates) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg(estate_id || ':' || task_date || ':' || n, ',' ORDER BY estate_id, task_date), '')
                          FROM (SELECT estate_id, task_date, count(*) AS n FROM hyg_task WHERE estate_id = ANY(:e)
                                 GROUP BY estate_id, task_date) t""")
                .param("e", estates.toArray(Long[]::new)).query(String.class).single();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
