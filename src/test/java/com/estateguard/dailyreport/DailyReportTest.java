package com.estateguard.dailyreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.dailyreport.internal.DailyReports;
import com.estateguard.dailyreport.internal.ReportStatus;
import com.estateguard.dailyreport.internal.SectionFigures;
import com.estateguard.hygiene.internal.Agent;
import com.estateguard.hygiene.internal.DisinfectionForm;
import com.estateguard.hygiene.internal.HygieneBoard;
import com.estateguard.hygiene.internal.HygieneRecords;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.identity.internal.DeviceKeyStore;
import com.estateguard.org.EntranceKind;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.LedgerParameters;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily report's figures against records made in the test, at a new estate of its own
 * (日报测试苑, in 阳光花园's community): two entries (one fever), two disinfections (one too weak),
 * all at ten in the morning, past the estate policy's 00:01 deadline, and the exports read back.
 */
@IntegrationTest
class DailyReportTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final CurrentUser SYSTEM = new CurrentUser(0, "tester", "测试", Role.PREVENTION_ADMIN, "R/", null, null);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgDirectory org;
    @Autowired
    Policies policies;
    @Autowired
    DeviceKeyStore keys;
    @Autowired
    Places places;
    @Autowired
    HygieneBoard board;
    @Autowired
    HygieneRecords records;
    @Autowired
    DailyReports reports;
    @Autowired
    com.estateguard.supplies.internal.Supplies supplies;
    @Autowired
    TestClock clock;

    long estate;
    String name;
    LocalDate today;

    @BeforeEach
    void anEstateWithTheDaysRecords() {
        clock.setToday(10, 0);
        today = clock.today();
        name = "日报测试苑" + (System.nanoTime() % 100000);
        long sunny = Fixtures.estate(jdbc, "阳光花园");
        var ref = jdbc.sql("SELECT region_id, company_id FROM org_estate WHERE id = :id").param("id", sunny).query().singleRow();
        estate = org.createEstate(new OrgDirectory.EstateForm(name, (Long) ref.get("region_id"), (Long) ref.get("company_id"),
                new BigDecimal("20000"), "测试路1号", "测试经理", "测试管理员", "物业用房"), "test");
        long gate = org.createEntrance(estate, "东门", EntranceKind.PEDESTRIAN, true, "test");
        var path = org.estate(estate, "R/").orElseThrow().regionPath();
        var params = PolicyPreset.BEIJING_2022.parameters()
                .withLedgers(new LedgerParameters(30, 2, 250, 500, 500, 15, 30, new BigDecimal("1.8"), LocalTime.of(0, 1), 7, 7));
        policies.install(new Policies.NewVersion(name + "：日报00:01截止", path, name,
                LocalDate.of(2020, 1, 1).atStartOfDay(ZONE).toInstant(), params, null, null), "test");

        var terminal = TestClient.device(port, keys.issue(gate, "日报测试终端", SYSTEM).plainKey());
        assertThat(terminal.postJson("/api/v1/checks", check(gate, "VISITOR", "36.4")).status()).isEqualTo(201);
        assertThat(terminal.postJson("/api/v1/checks", check(gate, "RESIDENT", "38.6")).body()).contains("FEVER");

        places.add(estate, new PlaceForm("大堂", PlaceType.LOBBY, null, null, null, null, null, null), SYSTEM);
        var tasks = board.board(estate, today, SYSTEM).tasks();
        LocalDateTime now = clock.localNow().withSecond(0).withNano(0);
        records.record(tasks.get(0).id(), new DisinfectionForm(now, Agent.CHLORINE, 300, new BigDecimal("100"), 20, null), null, SYSTEM);
        records.record(tasks.get(1).id(), new DisinfectionForm(now, Agent.CHLORINE, 100, new BigDecimal("50.5"), 20, null), null, SYSTEM);

        long masks = supplies.addItem(estate, new com.estateguard.supplies.internal.Supplies.ItemForm("口罩", com.estateguard.supplies.internal.SupplyCategory.MASKS,
                "个", false, null, null), SYSTEM);
        supplies.move(estate, new com.estateguard.supplies.internal.Supplies.MovementForm(masks, com.estateguard.supplies.internal.Supplies.Direction.IN,
                new BigDecimal("500"), now.minusDays(2), null), SYSTEM);
        supplies.move(estate, new com.estateguard.supplies.internal.Supplies.MovementForm(masks, com.estateguard.supplies.internal.Supplies.Direction.OUT,
                new BigDecimal("70"), now, null), SYSTEM);
    }

    private String check(long entrance, String category, String temperature) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"%s","personName":"日报测试",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"3号楼","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), entrance, category, temperature, clock.instant().minus(3, ChronoUnit.HOURS));
    }

    private static BigDecimal value(List<SectionFigures> sections, String label) {
        return sections.stream().flatMap(s -> s.lines().stream()).filter(l -> l.labelKey().equals(label))
                .map(ReportLine::value).findFirst().orElseThrow(() -> new AssertionError("no line " + label));
    }

    @Test
    void theFiguresComeFromTheDaysRecords() {
        var report = reports.report(estate, today, Fixtures.user(jdbc, "street"));
        assertThat(value(report.sections(), "report.checks")).isEqualByComparingTo("2");
        assertThat(value(report.sections(), "report.fever")).isEqualByComparingTo("1");
        assertThat(value(report.sections(), "reason.FEVER")).isEqualByComparingTo("1");
        assertThat(value(report.sections(), "report.hyg.disinfections")).isEqualByComparingTo("2");
        assertThat(value(report.sections(), "report.hyg.area")).isEqualByComparingTo("150.5");
        assertThat(value(report.sections(), "report.hyg.nonCompliant")).isEqualByComparingTo("1");
        assertThat(value(report.sections(), "sup.category.MASKS.stock")).isEqualByComparingTo("430");
        assertThat(value(report.sections(), "sup.category.MASKS.used")).isEqualByComparingTo("70");
        // 70 in 7 days: 10 a day; 30 days need 300, 430 in stock: no shortfall.
        assertThat(value(report.sections(), "sup.category.MASKS.shortfall")).isEqualByComparingTo("0");
        assertThat(report.status()).isEqualTo(ReportStatus.OVERDUE);
    }

    @Test
    void theReportIsDueUntilThePolicysDeadlineAndOverdueFromThen() {
        clock.setLocal(today.atTime(0, 0, 30));
        assertThat(reports.report(estate, today, SYSTEM).status()).isEqualTo(ReportStatus.DUE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(reports.report(estate, today, SYSTEM).status()).isEqualTo(ReportStatus.OVERDUE);
    }

    @Test
    void aSubmissionAfterThePolicysDeadlineIsFlaggedLateAndFrozen() {
        reports.submit(estate, today, "已核对", SYSTEM);
        var report = reports.report(estate, today, SYSTEM);
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED_LATE);
        assertThat(report.submission().note()).isEqualTo("已核对");
        assertThat(jdbc.sql("SELECT late FROM report_submission WHERE estate_id = :e").param("e", estate).query(Boolean.class).single()).isTrue();

        // A third entry after submission: the submitted figures stay as they were sent.
        var gate = jdbc.sql("SELECT id FROM org_entrance WHERE estate_id = :e").param("e", estate).query(Long.class).single();
        var terminal = TestClient.device(port, keys.issue(gate, "日报测试终端2", SYSTEM).plainKey());
        terminal.postJson("/api/v1/checks", check(gate, "VISITOR", "36.5"));
        assertThat(value(reports.report(estate, today, SYSTEM).sections(), "report.checks")).isEqualByComparingTo("2");

        var street = TestClient.person(port, "street", "demo1234");
        assertThat(street.get("/daily-reports?date=" + today).body()).contains(name).contains("逾期报送");
        String page = street.get("/daily-reports/estates/" + estate + "?date=" + today).body();
        assertThat(page).contains("逾期报送").contains("消毒面积").contains("150.5").contains("已核对")
                .doesNotContain("id=\"submit-form\"");   // a street reads, only the estate submits
    }

    @Test
    void anotherEstatesAdminCannotReadOrSubmitIt() {
        var adminB = TestClient.person(port, "adminb", "demo1234");
        assertThat(adminB.get("/daily-reports/estates/" + estate + "?date=" + today).status()).isEqualTo(404);
        assertThat(adminB.postForm("/daily-reports/estates/" + estate + "/submit?date=" + today, java.util.Map.of()).status()).isEqualTo(404);
        assertThat(adminB.get("/daily-reports").body()).doesNotContain(name);
    }

    @Test
    void theExcelAndPdfExportsCarryTheFigures() throws Exception {
        var street = TestClient.person(port, "street", "demo1234");
        street.get("/");
        byte[] xlsx = download("/daily-reports/estates/" + estate + "/export?date=" + today + "&format=xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).contains(name);
            Row area = rows.stream().filter(r -> "消毒面积".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(new BigDecimal(area.getCellText(1))).isEqualByComparingTo("150.5");
        }
        byte[] pdf = download("/daily-reports/estates/" + estate + "/export?date=" + today + "&format=pdf");
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(name).contains("消毒面积：150.5").contains("发热人数：1");
        }
    }

    /** Downloads as the street user: the TestClient reads text, so bytes go through a client of their own. */
    private byte[] download(String path) throws IOException, InterruptedException {
        var cookies = new java.net.CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String address = TestClient.newAddress();
        String login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(m.find()).isTrue();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("username=street&password=demo1234&_csrf=" + m.group(1))).build(),
                HttpResponse.BodyHandlers.discarding());
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
