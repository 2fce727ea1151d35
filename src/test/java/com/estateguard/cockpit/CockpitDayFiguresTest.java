package com.estateguard.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.cockpit.internal.DayFigureJob;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.OpenIncident;
import com.estateguard.hygiene.internal.Agent;
import com.estateguard.hygiene.internal.DisinfectionForm;
import com.estateguard.hygiene.internal.HygieneRecords;
import com.estateguard.hygiene.internal.HygieneTasks;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.staff.internal.StaffHealth;
import com.estateguard.supervision.OrderTestData;
import com.estateguard.supplies.internal.Supplies;
import com.estateguard.supplies.internal.SupplyCategory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledgers' figures the cockpit keeps per estate and day, each counted by the module that owns the
 * records. At an estate of the test's own, late in the evening (after the daily report's deadline), the
 * test makes the day's records: four disinfection tasks (two done and compliant, one done outside the
 * policy, one overdue), two supplies below their cover beside one well stocked, a guard with a fever and a
 * cleaner exposed beside a fit administrator, two real incidents and a drill, a failed inspection (its
 * order open) and a passed one, a refusal at the gate and no daily report. Each count differs from what
 * its opposite would count (the fit, the drills, the items in stock). Every family's figures for the estate are what those records
 * make, both as the module counts them and as the estate's cockpit shows them once refreshed.
 */
@IntegrationTest
class CockpitDayFiguresTest {

    private static final String BY = "test";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;
    @Autowired
    TestData testData;
    @Autowired
    List<DayFigures> families;
    @Autowired
    DayFigureJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    OrgDirectory org;
    @Autowired
    Places places;
    @Autowired
    HygieneTasks tasks;
    @Autowired
    HygieneRecords hygiene;
    @Autowired
    Supplies supplies;
    @Autowired
    StaffHealth staffHealth;
    @Autowired
    Incidents incidents;
    @Autowired
    OrderTestData inspections;

    @Test
    void everyModuleCountsItsFiguresAndTheEstateSeesThem() {
        clock.setToday(23, 0);   // after any daily-report deadline: today's unsent report is missing
        LocalDate today = clock.today();
        LedgersTestData.Site site = data.site(PolicyPreset.BEIJING_2022);
        TestData.Person cleaner = data.member(site, Role.CLEANER, "保洁");

        disinfections(site, cleaner, today);
        supplies(site);
        staffReadings(site, cleaner);
        incidents(site);
        supervision(site);
        long openFollowUps = feverAtTheGate(site);

        Map<String, Long> expected = Map.ofEntries(
                Map.entry("HYGIENE.DUE", 4L), Map.entry("HYGIENE.DONE", 3L), Map.entry("HYGIENE.NON_COMPLIANT", 2L),
                Map.entry("SUPPLY.BELOW_COVER", 2L),
                Map.entry("STAFF.UNFIT", 2L),
                Map.entry("INCIDENT.OPEN", 2L),
                Map.entry("SUPERVISION.ORDERS_OPEN", 1L), Map.entry("SUPERVISION.INSPECTED", 2L),
                Map.entry("FOLLOWUP.OPEN", openFollowUps),
                Map.entry("REPORT.MISSING", 1L), Map.entry("REPORT.LATE", 1L));
        assertThat(families).extracting(DayFigures::family)
                .contains("FOLLOWUP", "REPORT", "HYGIENE", "SUPPLY", "STAFF", "INCIDENT", "SUPERVISION");
        assertThat(countedBy(families, site.id(), today)).as("nothing else: no late incident report, no report submitted")
                .isEqualTo(expected);

        job.refresh(today);
        assertThat(onTheCockpit(site)).containsAllEntriesOf(expected);
        assertThat(site.admin().login(port).get("/cockpit").body()).contains("日报未报");
    }

    /** Two lobbies, twice a day each (Beijing 2022): one task done outside the policy, one not done by 23:00. */
    private void disinfections(LedgersTestData.Site site, TestData.Person cleanerPerson, LocalDate today) {
        CurrentUser admin = site.admin().user();
        places.add(site.id(), new PlaceForm("东大堂", PlaceType.LOBBY, null, null, null, null, null, null), admin);
        places.add(site.id(), new PlaceForm("西大堂", PlaceType.LOBBY, null, null, null, null, null, null), admin);
        tasks.ensure(org.estate(new EstateId(site.id()), "R/").orElseThrow(), today, BY);
        List<Long> ids = jdbc.sql("""
                        SELECT t.id FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id
                         WHERE t.estate_id = :e AND t.task_date = :d ORDER BY p.name, t.slot""")
                .param("e", site.id()).param("d", today).query(Long.class).list();
        assertThat(ids).hasSize(4);
        CurrentUser cleaner = cleanerPerson.user();
        hygiene.record(ids.get(0), disinfection(LocalTime.of(12, 0), today, 300, 15), null, cleaner);
        hygiene.record(ids.get(1), disinfection(LocalTime.of(19, 0), today, 100, 10), null, cleaner);   // too weak, too short
        hygiene.record(ids.get(2), disinfection(LocalTime.of(12, 30), today, 300, 15), null, cleaner);
        // ids.get(3), due at 20:00, is left undone: overdue at 23:00
    }

    private static DisinfectionForm disinfection(LocalTime at, LocalDate day, int mgL, int ventilationMinutes) {
        return new DisinfectionForm(day.atTime(at), Agent.CHLORINE, mgL, new BigDecimal("120.5"), ventilationMinutes, null);
    }

    /**
     * 65 tablets left after 35 used in the week: 13 days, short of the 30 days' cover; 3 pairs of gloves at 1 a day too.
     * 993 masks at 1 a day are not.
     */
    private void supplies(LedgersTestData.Site site) {
        stock(site, "消毒片", SupplyCategory.CHLORINE_TABLETS, "100", "35");
        stock(site, "手套", SupplyCategory.GLOVES, "10", "7");
        stock(site, "口罩", SupplyCategory.MASKS, "1000", "7");
    }

    /** An item brought in three days ago and partly used the day after. */
    private void stock(LedgersTestData.Site site, String name, SupplyCategory category, String in, String out) {
        CurrentUser admin = site.admin().user();
        long item = supplies.addItem(site.id(), new Supplies.ItemForm(name, category, "件", false, null, null), admin);
        var now = clock.localNow();
        supplies.move(site.id(), new Supplies.MovementForm(item, Supplies.Direction.IN, new BigDecimal(in), now.minusDays(3), null), admin);
        supplies.move(site.id(), new Supplies.MovementForm(item, Supplies.Direction.OUT, new BigDecimal(out), now.minusDays(2), null), admin);
    }

    /** This morning the guard has a fever and the cleaner was exposed (neither fit for duty); the administrator is fit. */
    private void staffReadings(LedgersTestData.Site site, TestData.Person cleaner) {
        CurrentUser admin = site.admin().user();
        staffHealth.record(site.id(), new StaffHealth.HealthForm(site.guard().id(), StaffHealth.Period.MORNING, new BigDecimal("38.2"),
                false, null), admin);
        staffHealth.record(site.id(), new StaffHealth.HealthForm(cleaner.id(), StaffHealth.Period.MORNING, new BigDecimal("36.6"),
                true, null), admin);
        staffHealth.record(site.id(), new StaffHealth.HealthForm(site.admin().id(), StaffHealth.Period.MORNING, new BigDecimal("36.5"),
                false, null), admin);
    }

    /** A suspected and a confirmed case still open, and a drill, which the cockpit never counts. */
    private void incidents(LedgersTestData.Site site) {
        CurrentUser admin = site.admin().user();
        incidents.open(new OpenIncident(new EstateId(site.id()), false, IncidentKind.SUSPECTED, "张某", "13800000000", null,
                CaseSource.NEW, null, clock.instant().minus(Duration.ofHours(3)), null, "3号楼"), admin);
        incidents.open(new OpenIncident(new EstateId(site.id()), false, IncidentKind.CONFIRMED, "李某", null, null,
                CaseSource.NEW, null, null, clock.instant().minus(Duration.ofHours(1)), "定点医院"), admin);
        incidents.open(new OpenIncident(new EstateId(site.id()), true, IncidentKind.CONFIRMED, "演练", null, null,
                CaseSource.NEW, null, null, clock.instant(), null), admin);
    }

    /** The street inspects twice: a failed inspection (its rectification order issued and open) and a passed one. */
    private void supervision(LedgersTestData.Site site) {
        CurrentUser street = testData.authority(site.estate(), Role.STREET_AUTHORITY).user();
        inspections.orderOf(inspections.unqualified(site.id(), street));
        inspections.qualified(site.id(), street);
    }

    /** A visitor with a fever is refused at the south gate; the refusal opens its follow-ups. */
    private long feverAtTheGate(LedgersTestData.Site site) {
        var fever = site.estate().terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"发热访客",
                 "evidence":{"temperature":{"celsius":38.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},"mask":true}}"""
                .formatted(UUID.randomUUID(), site.estate().southGate(), clock.instant().minus(5, ChronoUnit.HOURS)));
        assertThat(fever.body()).contains("FEVER");
        long open = jdbc.sql("SELECT count(*) FROM access_follow_up WHERE estate_id = :e AND status = 'OPEN'")
                .param("e", site.id()).query(Long.class).single();
        assertThat(open).isPositive();
        return open;
    }

    /** The estate's figures of the day as each family counts them now. */
    private static Map<String, Long> countedBy(List<DayFigures> families, long estateId, LocalDate day) {
        return families.stream().flatMap(f -> f.of(day).stream()).filter(f -> f.estateId() == estateId)
                .collect(Collectors.toMap(DayFigures.DayFigure::figure, DayFigures.DayFigure::n));
    }

    /** The figures the estate's administrator sees on the cockpit (its totals). */
    @SuppressWarnings("unchecked")
    private Map<String, Long> onTheCockpit(LedgersTestData.Site site) {
        Map<String, Object> figures = json.readValue(site.admin().login(port).get("/cockpit/figures.json").body(), Map.class);
        return ((Map<String, Number>) figures.get("totals")).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue()));
    }
}
