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
 * policy, one overdue), a supply below its cover beside one well stocked, a guard with a fever beside a
 * fit administrator, a real incident and a drill, a failed inspection (its order open) and a passed one,
 * a refusal at the gate and no daily report. Every family's figures for the estate are what those records
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

        disinfections(site, today);
        supplies(site);
        staffReadings(site);
        incidents(site);
        supervision(site);
        long openFollowUps = feverAtTheGate(site);

        Map<String, Long> expected = Map.ofEntries(
                Map.entry("HYGIENE.DUE", 4L), Map.entry("HYGIENE.DONE", 3L), Map.entry("HYGIENE.NON_COMPLIANT", 2L),
                Map.entry("SUPPLY.BELOW_COVER", 1L),
                Map.entry("STAFF.UNFIT", 1L),
                Map.entry("INCIDENT.OPEN", 1L),
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
    private void disinfections(LedgersTestData.Site site, LocalDate today) {
        CurrentUser admin = site.admin().user();
        places.add(site.id(), new PlaceForm("东大堂", PlaceType.LOBBY, null, null, null, null, null, null), admin);
        places.add(site.id(), new PlaceForm("西大堂", PlaceType.LOBBY, null, null, null, null, null, null), admin);
        tasks.ensure(org.estate(new EstateId(site.id()), "R/").orElseThrow(), today, BY);
        List<Long> ids = jdbc.sql("""
                        SELECT t.id FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id
                         WHERE t.estate_id = :e AND t.task_date = :d ORDER BY p.name, t.slot""")
                .param("e", site.id()).param("d", today).query(Long.class).list();
        assertThat(ids).hasSize(4);
        CurrentUser cleaner = data.member(site, Role.CLEANER, "保洁").user();
        hygiene.record(ids.get(0), disinfection(LocalTime.of(12, 0), today, 300, 15), null, cleaner);
        hygiene.record(ids.get(1), disinfection(LocalTime.of(19, 0), today, 100, 10), null, cleaner);   // too weak, too short
        hygiene.record(ids.get(2), disinfection(LocalTime.of(12, 30), today, 300, 15), null, cleaner);
        // ids.get(3), due at 20:00, is left undone: overdue at 23:00
    }

    private static DisinfectionForm disinfection(LocalTime at, LocalDate day, int mgL, int ventilationMinutes) {
        return new DisinfectionForm(day.atTime(at), Agent.CHLORINE, mgL, new BigDecimal("120.5"), ventilationMinutes, null);
    }

    /** 65 tablets left after 35 used in the week: 13 days, short of the 30 days' cover. 993 masks at 1 a day are not. */
    private void supplies(LedgersTestData.Site site) {
        CurrentUser admin = site.admin().user();
        long tablets = supplies.addItem(site.id(), new Supplies.ItemForm("消毒片", SupplyCategory.CHLORINE_TABLETS, "瓶", false, null, null), admin);
        long masks = supplies.addItem(site.id(), new Supplies.ItemForm("口罩", SupplyCategory.MASKS, "个", false, null, null), admin);
        var now = clock.localNow();
        supplies.move(site.id(), new Supplies.MovementForm(tablets, Supplies.Direction.IN, new BigDecimal("100"), now.minusDays(3), null), admin);
        supplies.move(site.id(), new Supplies.MovementForm(tablets, Supplies.Direction.OUT, new BigDecimal("35"), now.minusDays(2), null), admin);
        supplies.move(site.id(), new Supplies.MovementForm(masks, Supplies.Direction.IN, new BigDecimal("1000"), now.minusDays(3), null), admin);
        supplies.move(site.id(), new Supplies.MovementForm(masks, Supplies.Direction.OUT, new BigDecimal("7"), now.minusDays(2), null), admin);
    }

    /** The guard has a fever this morning (not fit for duty); the administrator does not. */
    private void staffReadings(LedgersTestData.Site site) {
        CurrentUser admin = site.admin().user();
        staffHealth.record(site.id(), new StaffHealth.HealthForm(site.guard().id(), StaffHealth.Period.MORNING, new BigDecimal("38.2"),
                false, null), admin);
        staffHealth.record(site.id(), new StaffHealth.HealthForm(site.admin().id(), StaffHealth.Period.MORNING, new BigDecimal("36.5"),
                false, null), admin);
    }

    /** A suspected case still open, and a drill, which the cockpit never counts. */
    private void incidents(LedgersTestData.Site site) {
        CurrentUser admin = site.admin().user();
        incidents.open(new OpenIncident(new EstateId(site.id()), false, IncidentKind.SUSPECTED, "张某", "13800000000", null,
                CaseSource.NEW, null, clock.instant().minus(Duration.ofHours(3)), null, "3号楼"), admin);
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
