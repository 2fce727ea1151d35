package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData.Estate;
import com.estateguard.TestData.Person;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.staff.internal.StaffRegisters;
import com.estateguard.supervision.internal.campaign.CampaignForm;
import com.estateguard.supervision.internal.campaign.Campaigns;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The circular of a campaign phase (SPV-10) and the campaign's archive (SPV-11) over HTTP, in a city
 * of the test's own: three estates inspected on the Huachuan sheet, one below the pass mark; one
 * estate's guard trained, another's not. The circular lists the unqualified estate with its failed
 * items and its rectification, the training spot check, as a page, a PDF and a workbook; the archive
 * has a row per inspection, and a street's archive only its own.
 */
@IntegrationTest
class CircularAndArchiveTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    OrgDirectory org;
    @Autowired
    Inspections inspections;
    @Autowired
    Campaigns campaigns;
    @Autowired
    StaffRegisters staff;
    @Autowired
    OrderTestData orders;
    @Autowired
    TestClock clock;
    @Autowired
    java.util.List<RecordEvidence> evidence;

    String tag;
    RegionRef firstStreet;
    Estate good;
    Estate poor;
    Estate other;
    Person city;
    long company;
    long campaign;
    long phase;
    InspectionId poorInspection;

    @BeforeEach
    void aPhaseWithThreeInspections() {
        tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000));
        RegionRef cityRegion = tree.city(PolicyPreset.HUACHUAN_2021);
        RegionRef district = tree.region(cityRegion, RegionLevel.DISTRICT);
        firstStreet = tree.region(district, RegionLevel.STREET);
        RegionRef secondStreet = tree.region(district, RegionLevel.STREET);
        company = tree.company(null);
        good = tree.estate(tree.region(firstStreet, RegionLevel.COMMUNITY), company);
        poor = tree.estate(tree.region(firstStreet, RegionLevel.COMMUNITY), company);
        other = tree.estate(tree.region(secondStreet, RegionLevel.COMMUNITY), company);
        city = tree.authority(Role.CITY_AUTHORITY, cityRegion);
        TemplateId sheet = inspections.inUse(OrderTestData.SHEET).orElseThrow();
        campaign = campaigns.create(new CampaignForm("专项督导" + tag, cityRegion.id(), sheet.value(), List.of(InspectionKind.GROUP),
                "第一阶段", LocalDate.of(2022, 4, 19), LocalDate.of(2022, 4, 26)), city.user());
        phase = campaigns.get(campaign).phases().get(0).id();
        List<Long> everyone = staff.records(good.id(), good.admin().user()).stream().map(StaffRegisters.StaffRecord::userId).toList();
        staff.trained(good.id(), new StaffRegisters.TrainingForm("卡口查验培训", clock.today(), "项目经理", everyone), good.admin().user());
        inspect(good, sheet, 0);
        inspect(other, sheet, 2);
        poorInspection = inspect(poor, sheet, belowPassMark(sheet));
        orders.orderOf(poorInspection);
    }

    @Test
    void theTrainingFiguresOfManyEstatesAtOnceAreTheFiguresOfEachAlone() {
        RecordEvidence staffRecords = evidence.stream().filter(e -> e.keys().contains("staff.training")).findFirst().orElseThrow();
        var at = clock.instant();
        var estates = java.util.stream.Stream.of(good, poor, other).map(e -> new com.estateguard.org.EstateId(e.id())).toList();
        var batch = staffRecords.figures("staff.training", estates, at);
        for (var estate : estates) {
            assertThat(batch.get(estate)).as("estate %s", estate).isEqualTo(staffRecords.figure("staff.training", estate, at).orElse(null));
        }
        assertThat(batch.get(estates.get(0)).share()).as("every one of the good estate's staff trained").isEqualByComparingTo("1");
        assertThat(batch.get(estates.get(1)).share()).as("none of the poor estate's staff trained").isEqualByComparingTo("0");
    }

    @Test
    void theCircularListsTheUnqualifiedEstateAndTheArchiveEveryInspection() throws Exception {
        TestClient client = city.login(port);
        String preview = client.get("/supervision/circulars/preview?phaseId=" + phase + "&goodExamples=1").body();
        assertThat(preview).contains("data-estate=\"" + poor.name() + "\"").contains("id=\"publish-form\"");

        var published = client.postForm("/supervision/circulars", Map.of("phaseId", String.valueOf(phase), "goodExamples", "1", "title", ""));
        assertThat(published.status()).isEqualTo(302);
        String path = published.contentType().replaceAll(".*(/supervision/circulars/\\d+).*", "$1");
        String page = client.get(path).body();
        String unqualified = page.substring(page.indexOf("id=\"unqualified\""), page.indexOf("id=\"good-examples\""));
        List<TemplateItem> items = inspections.items(inspections.inUse(OrderTestData.SHEET).orElseThrow());
        assertThat(unqualified).contains(poor.name()).contains(items.get(0).text()).contains("待整改")
                .doesNotContain(good.name()).doesNotContain(other.name());
        assertThat(page.substring(page.indexOf("id=\"good-examples\""))).contains(good.name());
        String training = page.substring(page.indexOf("id=\"training\""));
        assertThat(row(training, good.name())).contains("v-ALLOW").doesNotContain("未全部培训到位");
        assertThat(row(training, poor.name())).contains("v-REFUSE").contains("未全部培训到位");

        var pdf = client.getBytes(path + "/pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(poor.name()).contains("不合格小区");
        }
        var xlsx = client.getBytes(path + "/xlsx");
        assertThat(sheetRows(xlsx.body(), 0).stream().map(r -> r.getCellText(0)).toList()).contains(poor.name(), good.name(), other.name());

        TestClient head = tree.companyHead(company).login(port);
        assertThat(head.get(path).status()).as("a company with estates in the scope reads the circular").isEqualTo(200);
        TestClient stranger = tree.companyHead(tree.company(null)).login(port);
        assertThat(stranger.get(path).status()).isEqualTo(404);

        List<Row> archive = sheetRows(client.getBytes("/supervision/campaigns/" + campaign + "/archive").body(), 0);
        assertThat(archive).hasSize(1 + 3);
        assertThat(archive.subList(1, 4).stream().map(r -> r.getCellText(1)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(good.name(), poor.name(), other.name());
        List<Row> orderSheet = sheetRows(client.getBytes("/supervision/campaigns/" + campaign + "/archive").body(), 2);
        assertThat(orderSheet).hasSize(1 + 1);

        TestClient street = tree.authority(Role.STREET_AUTHORITY, firstStreet).login(port);
        List<Row> streetArchive = sheetRows(street.getBytes("/supervision/campaigns/" + campaign + "/archive").body(), 0);
        assertThat(streetArchive.subList(1, streetArchive.size()).stream().map(r -> r.getCellText(1)).toList())
                .containsExactlyInAnyOrder(good.name(), poor.name());
    }

    /** Fails the first {@code failing} items of the sheet, the rest at full marks. */
    private InspectionId inspect(Estate estate, TemplateId sheet, int failing) {
        List<TemplateItem> items = inspections.items(sheet);
        var entries = items.stream().map(i -> OrderTestData.entry(i, items.indexOf(i) >= failing)).toList();
        return inspections.submit(new SubmitInspection(sheet, new EstateId(estate.id()), campaign, phase, InspectionKind.GROUP, null, null,
                entries, null, List.of()), city.user());
    }

    /** How many items, failed from the first, take the sheet's total under 60 %. */
    private int belowPassMark(TemplateId sheet) {
        List<TemplateItem> items = inspections.items(sheet);
        BigDecimal total = items.stream().map(TemplateItem::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = total;
        int failing = 0;
        while (score.compareTo(total.multiply(new BigDecimal("0.6"))) >= 0) {
            score = score.subtract(items.get(failing).maxPoints()).add(items.get(failing).minPoints());
            failing++;
        }
        return failing;
    }

    private static String row(String html, String estate) {
        int at = html.indexOf("data-estate=\"" + estate + "\"");
        assertThat(at).as(estate + " in the table").isGreaterThanOrEqualTo(0);
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static List<Row> sheetRows(byte[] xlsx, int sheet) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getSheets().toList().get(sheet).read();
        }
    }
}
