package com.estateguard.dailyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.dailyreport.internal.DailyReportParameters;
import com.estateguard.dailyreport.internal.DailyReports;
import com.estateguard.dailyreport.internal.ReportAlreadySubmitted;
import com.estateguard.dailyreport.internal.ReportStatus;
import com.estateguard.dailyreport.internal.SectionFigures;
import com.estateguard.hygiene.internal.Agent;
import com.estateguard.hygiene.internal.DisinfectionForm;
import com.estateguard.hygiene.internal.HygieneBoard;
import com.estateguard.hygiene.internal.HygieneRecords;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.supplies.internal.Supplies;
import com.estateguard.supplies.internal.SupplyCategory;
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
 * The daily report's figures against records made in the test, at an estate of its own whose street
 * has an authority of its own: two entries (one fever), two disinfections (one too weak), all at ten
 * in the morning, past the estate policy's 00:01 deadline, and the exports read back.
 */
@IntegrationTest
class DailyReportTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Policies policies;
    @Autowired
    Places places;
    @Autowired
    HygieneBoard board;
    @Autowired
    HygieneRecords records;
    @Autowired
    DailyReports reports;
    @Autowired
    Supplies supplies;
    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;

    LedgersTestData.Site site;
    long estate;
    String name;
    LocalDate today;
    CurrentUser admin;
    TestData.Person street;

    @BeforeEach
    void anEstateWithTheDaysRecords() {
        clock.setToday(10, 0);
        today = clock.today();
        site = data.site(PolicyPreset.BEIJING_2022);
        estate = site.id();
        name = site.name();
        admin = site.admin().user();
        street = data.authority(Role.STREET_AUTHORITY, site.streetId(), "王干事");
        // A day later than the preset's version, so this one is in force whatever the order of ids.
        var params = policies.preset(PolicyPreset.BEIJING_2022).withGroup(new DailyReportParameters(LocalTime.of(0, 1)));
        policies.install(new Policies.NewVersion(name + "：日报00:01截止", site.estate().regionPath(), name,
                LocalDate.of(2020, 1, 2).atStartOfDay(clock.localZone()).toInstant(), params, null, null), "test");

        var terminal = site.estate().terminal(port);
        assertThat(terminal.postJson("/api/v1/checks", check("VISITOR", "36.4")).status()).isEqualTo(201);
        assertThat(terminal.postJson("/api/v1/checks", check("RESIDENT", "38.6")).body()).contains("FEVER");

        places.add(estate, new PlaceForm("大堂", PlaceType.LOBBY, null, null, null, null, null, null), admin);
        var tasks = board.board(estate, today, admin).tasks();
        LocalDateTime now = clock.localNow().withSecond(0).withNano(0);
        records.record(tasks.get(0).id(), new DisinfectionForm(now, Agent.CHLORINE, 300, new BigDecimal("100"), 20, null), null, admin);
        records.record(tasks.get(1).id(), new DisinfectionForm(now, Agent.CHLORINE, 100, new BigDecimal("50.5"), 20, null), null, admin);

        long masks = supplies.addItem(estate, new Supplies.ItemForm("口罩", SupplyCategory.MASKS, "个", false, null, null), admin);
        supplies.move(estate, new Supplies.MovementForm(masks, Supplies.Direction.IN, new BigDecimal("500"), now.minusDays(2), null), admin);
        supplies.move(estate, new Supplies.MovementForm(masks, Supplies.Direction.OUT, new BigDecimal("70"), now, null), admin);
    }

    private String check(String category, String temperature) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"%s","personName":"日报测试",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"3号楼","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), site.estate().southGate(), category, temperature, clock.instant().minus(3, ChronoUnit.HOURS));
    }

    private static BigDecimal value(List<SectionFigures> sections, String label) {
        return sections.stream().flatMap(s -> s.lines().stream()).filter(l -> l.labelKey().equals(label))
                .map(ReportLine::value).findFirst().orElseThrow(() -> new AssertionError("no line " + label));
    }

    @Test
    void theFiguresComeFromTheDaysRecords() {
        var report = reports.report(estate, today, street.user());
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
        assertThat(reports.report(estate, today, admin).status()).isEqualTo(ReportStatus.DUE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(reports.report(estate, today, admin).status()).isEqualTo(ReportStatus.OVERDUE);
    }

    @Test
    void aSubmissionAfterThePolicysDeadlineIsFlaggedLateAndFrozen() {
        reports.submit(estate, today, "已核对", 0, admin);
        var report = reports.report(estate, today, admin);
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED_LATE);
        assertThat(report.submission().note()).isEqualTo("已核对");
        assertThat(jdbc.sql("SELECT late FROM report_submission WHERE estate_id = :e").param("e", estate).query(Boolean.class).single()).isTrue();

        // A third entry after submission: the submitted figures stay as they were sent.
        assertThat(site.estate().terminal(port).postJson("/api/v1/checks", check("VISITOR", "36.5")).status()).isEqualTo(201);
        assertThat(value(reports.report(estate, today, admin).sections(), "report.checks")).isEqualByComparingTo("2");

        var street = this.street.login(port);
        assertThat(street.get("/daily-reports?date=" + today).body()).contains(name).contains("逾期报送");
        String page = street.get("/daily-reports/estates/" + estate + "?date=" + today).body();
        assertThat(page).contains("逾期报送").contains("消毒面积").contains("150.5").contains("已核对")
                .doesNotContain("id=\"submit-form\"");   // a street reads, only the estate submits
    }

    @Test
    void aSenderWhoHasNotSeenTheLatestSubmissionIsToldInsteadOfSupersedingIt() {
        reports.submit(estate, today, "第一次", 0, admin);
        assertThatThrownBy(() -> reports.submit(estate, today, "没看到第一次", 0, admin)).isInstanceOf(ReportAlreadySubmitted.class);
        reports.submit(estate, today, "核对后重报", 1, admin);
        var report = reports.report(estate, today, admin);
        assertThat(report.submission().note()).isEqualTo("核对后重报");
        assertThat(report.submission().version()).isEqualTo(2);
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED_LATE);
    }

    @Test
    void aScopesCombinedFiguresAreItsEstatesLatestSubmissionsSummed() {
        reports.submit(estate, today, "第一次", 0, admin);
        var first = reports.board(today, street.user(), null, null, null, 50).combined();
        assertThat(value(first, "report.checks")).isEqualByComparingTo("2");
        // A third entry, then the report sent again: the street's sum has the new submission instead of the first.
        assertThat(site.estate().terminal(port).postJson("/api/v1/checks", check("VISITOR", "36.5")).status()).isEqualTo(201);
        reports.submit(estate, today, "核对后重报", 1, admin);
        var sent = reports.report(estate, today, admin).sections();
        for (CurrentUser reader : List.of(street.user(), admin)) {   // a street's kept sums, an estate's own submission
            var combined = reports.board(today, reader, null, null, null, 50).combined();
            assertThat(value(combined, "report.checks")).isEqualByComparingTo("3");
            assertThat(value(combined, "report.hyg.area")).isEqualByComparingTo(value(sent, "report.hyg.area"));
            assertThat(combined.stream().flatMap(x -> x.lines().stream()).map(ReportLine::labelKey).toList())
                    .as("every line once, in the report's order").isEqualTo(sent.stream().flatMap(x -> x.lines().stream())
                            .map(ReportLine::labelKey).toList());
        }
    }

    @Test
    void anotherEstatesAdminCannotReadOrSubmitIt() {
        var adminB = data.site(PolicyPreset.BEIJING_2022).admin().login(port);
        assertThat(adminB.get("/daily-reports/estates/" + estate + "?date=" + today).status()).isEqualTo(404);
        assertThat(adminB.postForm("/daily-reports/estates/" + estate + "/submit?date=" + today, java.util.Map.of()).status()).isEqualTo(404);
        assertThat(adminB.get("/daily-reports").body()).doesNotContain(name);
    }

    @Test
    void theExcelAndPdfExportsCarryTheFigures() throws Exception {
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
                .POST(HttpRequest.BodyPublishers.ofString("username=" + street.username() + "&password=" + TestData.PASSWORD
                        + "&_csrf=" + m.group(1))).build(),
                HttpResponse.BodyHandlers.discarding());
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
