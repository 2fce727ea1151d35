package com.estateguard.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.OpenIncident;
import com.estateguard.emergency.internal.IncidentSteps;
import com.estateguard.emergency.internal.ReportChannel;
import com.estateguard.emergency.internal.ReportRecipient;
import com.estateguard.emergency.internal.StepForms;
import com.estateguard.emergency.internal.lockdown.Lockdowns;
import com.estateguard.org.EstateId;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.Inspections;
import com.estateguard.supervision.OrderTestData;
import com.estateguard.supervision.internal.campaign.CampaignForm;
import com.estateguard.supervision.internal.campaign.Campaigns;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cockpit's live panels (issue 12 §2): the real incidents open now in the place, newest first, with their timings
 * and a link each, never a drill, an ended incident or another district's; and the campaigns running today with the
 * share of the place's estates their phase has inspected. A city of two districts: the first with two estates, the
 * second with one.
 */
@IntegrationTest
class CockpitPanelsTest {

    private static final Pattern INCIDENT_ROW = Pattern.compile("data-incident=\"(\\d+)\"");
    private static final Pattern CAMPAIGN_ROW = Pattern.compile("data-campaign=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    TestClock clock;
    @Autowired
    Incidents incidents;
    @Autowired
    IncidentSteps steps;
    @Autowired
    Lockdowns lockdowns;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Inspections inspections;
    @Autowired
    OrderTestData inspected;
    @Autowired
    JdbcClient jdbc;

    RegionRef city;
    RegionRef east;
    RegionRef west;
    TestData.Estate east1;
    TestData.Estate east2;
    TestData.Estate west1;
    TestData.Person cityHead;
    TestClient eastUser;

    @BeforeEach
    void aCityOfTwoDistricts() {
        clock.setToday(8, 0);
        city = tree.city(PolicyPreset.QUANZHOU_2021);
        east = tree.region(city, RegionLevel.DISTRICT);
        west = tree.region(city, RegionLevel.DISTRICT);
        RegionRef eastCommunity = tree.region(tree.region(east, RegionLevel.STREET), RegionLevel.COMMUNITY);
        RegionRef westCommunity = tree.region(tree.region(west, RegionLevel.STREET), RegionLevel.COMMUNITY);
        long company = tree.company(null);
        east1 = tree.estate(eastCommunity, company);
        east2 = tree.estate(eastCommunity, company);
        west1 = tree.estate(westCommunity, company);
        cityHead = tree.authority(Role.CITY_AUTHORITY, city);
        eastUser = tree.authority(Role.DISTRICT_AUTHORITY, east).login(port);
    }

    @Test
    void theOpenRealIncidentsOfThePlaceWithTheirTimingsNewestFirst() {
        // Yesterday 08:00: a real incident in the first estate, locked down 30 minutes later, first reported 15 after that.
        IncidentId locked = open(east1, false);
        clock.advance(Duration.ofMinutes(30));
        lockdowns.lockDown(locked, "preset:QUANZHOU_2021_EMERGENCY", east1.admin().user());
        clock.advance(Duration.ofMinutes(15));
        steps.report(locked, new StepForms.Report(ReportRecipient.COMMUNITY, ReportChannel.PHONE, "王五", null, null),
                east1.admin().user());
        IncidentId drill = open(east1, true);
        IncidentId ended = open(east2, false);
        steps.recordCdcAssessment(ended, new StepForms.CdcAssessment("区疾控中心 陈医生", "评估合格", null), east2.admin().user());
        steps.end(ended, east2.admin().user());
        IncidentId elsewhere = open(west1, false);
        // Today 09:45: a real incident in the second estate, assessed by the CDC at once; now 11:45.
        clock.advance(Duration.ofHours(25));
        IncidentId assessed = open(east2, false);
        steps.recordCdcAssessment(assessed, new StepForms.CdcAssessment("区疾控中心 陈医生", "评估合格", null), east2.admin().user());
        clock.advance(Duration.ofHours(2));

        String district = panel(eastUser.get("/cockpit?region=" + east.id()).body(), "open-incidents");
        assertThat(KeysetLinks.ids(INCIDENT_ROW, district)).as("the district's open real incidents, newest first; no drill, "
                + "no ended one, none of the other district").containsExactly(assessed.value(), locked.value());
        assertThat(KeysetLinks.ids(INCIDENT_ROW, district)).doesNotContain(drill.value(), ended.value(), elsewhere.value());
        assertThat(district).contains("共 2 起").contains("href=\"/emergency?region=" + east.id() + "\"");
        String lockedRow = row(district, locked);
        assertThat(lockedRow).contains("href=\"/emergency/incidents/" + locked.value() + "\"").contains(east1.name())
                .contains("1 天 3 小时")
                .contains("class=\"to-lockdown\">30 分钟<").contains("class=\"to-first-report\">45 分钟<")
                .contains("封闭管控").doesNotContain("疾控已评估");
        assertThat(lockedRow.replaceAll("\\s+", "")).contains("class=\"reports\"><span>1</span>");
        String assessedRow = row(district, assessed);
        assertThat(assessedRow).contains(east2.name()).contains(">2 小时<").contains("class=\"to-lockdown\">—<")
                .contains("疾控已评估").doesNotContain("封闭管控");
        assertThat(eastUser.get("/emergency/incidents/" + locked.value()).status()).isEqualTo(200);

        String estate = panel(eastUser.get("/cockpit?estate=" + east1.id()).body(), "open-incidents");
        assertThat(KeysetLinks.ids(INCIDENT_ROW, estate)).containsExactly(locked.value());
        assertThat(estate).contains("共 1 起").contains("href=\"/emergency?estate=" + east1.id() + "\"");

        String own = panel(east2.admin().login(port).get("/cockpit").body(), "open-incidents");
        assertThat(KeysetLinks.ids(INCIDENT_ROW, own)).as("an estate's own cockpit: its open incident, not its ended one")
                .containsExactly(assessed.value());
        String other = panel(tree.authority(Role.DISTRICT_AUTHORITY, west).login(port).get("/cockpit").body(), "open-incidents");
        assertThat(KeysetLinks.ids(INCIDENT_ROW, other)).containsExactly(elsewhere.value());
    }

    @Test
    void anEstateWithoutOpenIncidentsSaysSo() {
        IncidentId drill = open(east2, true);
        String page = panel(eastUser.get("/cockpit?estate=" + east2.id()).body(), "open-incidents");
        assertThat(page).contains("当前无进行中的疫情处置").doesNotContain("data-incident=\"" + drill.value() + "\"");
        assertThat(panel(eastUser.get("/cockpit?estate=" + east1.id()).body(), "open-incidents")).contains("当前无进行中的疫情处置");
        open(east1, false);
        assertThat(panel(eastUser.get("/cockpit?estate=" + east1.id()).body(), "open-incidents"))
                .doesNotContain("当前无进行中的疫情处置").contains("共 1 起");
    }

    @Test
    void aPastDayShowsWhatIsUnderWayTodayAndSaysSo() {
        IncidentId incident = open(east1, false);
        LocalDate today = clock.today();
        String todays = eastUser.get("/cockpit?day=" + today).body();
        assertThat(panel(todays, "open-incidents")).doesNotContain("as-of");
        assertThat(panel(todays, "campaign-coverage")).doesNotContain("as-of");

        String past = eastUser.get("/cockpit?day=" + today.minusDays(3)).body();
        String incidentsPanel = panel(past, "open-incidents");
        assertThat(KeysetLinks.ids(INCIDENT_ROW, incidentsPanel)).as("the panels are of now, not of the day chosen")
                .containsExactly(incident.value());
        assertThat(incidentsPanel).contains("以下为今天（" + today + "）的情况，不随所选日期回溯");
        assertThat(panel(past, "campaign-coverage")).contains("以下为今天（" + today + "）的情况");
    }

    @Test
    void theCampaignsRunningTodayWithThePlacesEstatesInspected() {
        assertThat(panel(eastUser.get("/cockpit").body(), "campaign-coverage")).contains("当前无进行中的检查行动");
        LocalDate today = clock.today();
        long running = campaign("进行中", today.minusDays(2), today.plusDays(5));
        long over = campaign("已结束", today.minusDays(20), today.minusDays(10));
        long phase = jdbc.sql("SELECT id FROM sup_phase WHERE campaign_id = :c").param("c", running).query(Long.class).single();
        inspected.unqualified(east1.id(), running, phase, cityHead.user());

        String district = panel(eastUser.get("/cockpit").body(), "campaign-coverage");
        assertThat(KeysetLinks.ids(CAMPAIGN_ROW, district)).as("the running campaign, not the one over (" + over + ")")
                .containsExactly(running);
        assertThat(district).doesNotContain("当前无进行中的检查行动")
                .contains(">1 / 2<").contains(">50%<")
                .contains("href=\"/supervision/campaigns/" + running + "?phase=" + phase + "&amp;region=" + east.id() + "\"");
        assertThat(eastUser.get("/supervision/campaigns/" + running + "?phase=" + phase + "&region=" + east.id()).status())
                .isEqualTo(200);

        String otherDistrict = panel(cityHead.login(port).get("/cockpit?region=" + west.id()).body(), "campaign-coverage");
        assertThat(otherDistrict).contains(">0 / 1<").contains(">0%<");
        assertThat(panel(cityHead.login(port).get("/cockpit").body(), "campaign-coverage")).contains(">1 / 3<");
        assertThat(panel(eastUser.get("/cockpit?estate=" + east1.id()).body(), "campaign-coverage")).contains(">1 / 1<");
        String ownEstate = panel(east2.admin().login(port).get("/cockpit").body(), "campaign-coverage");
        assertThat(ownEstate).contains(">0 / 1<").contains("href=\"/supervision/campaigns/" + running + "?phase=" + phase + "\"");
    }

    private IncidentId open(TestData.Estate estate, boolean drill) {
        return incidents.open(new OpenIncident(new EstateId(estate.id()), drill, IncidentKind.CONFIRMED, "病例甲", null, null,
                CaseSource.NEW, null, clock.instant().minus(Duration.ofHours(1)), null, "家中"), estate.admin().user());
    }

    private long campaign(String name, LocalDate startsOn, LocalDate endsOn) {
        long template = inspections.inUse(OrderTestData.SHEET).orElseThrow().value();
        return campaigns.create(new CampaignForm(name + "专项督导" + city.id(), city.id(), template, List.of(InspectionKind.GROUP),
                "第一阶段", startsOn, endsOn), cityHead.user());
    }

    /** The panel's section of the page. */
    private static String panel(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String row(String panel, IncidentId incident) {
        int start = panel.indexOf("data-incident=\"" + incident.value() + "\"");
        assertThat(start).as("row of incident " + incident).isNotNegative();
        return panel.substring(start, panel.indexOf("</tr>", start));
    }
}
