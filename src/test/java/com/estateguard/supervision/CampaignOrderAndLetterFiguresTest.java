package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.TestData.Person;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.supervision.internal.letter.LetterText;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What authorities see of a campaign besides coverage (issue 10 section 7) over HTTP: the orders of the phase's
 * inspections due and overdue, and the offices that have not signed the responsibility letter after its deadline,
 * each figure leading to the list it counts; a street sees only what lies in it.
 */
@IntegrationTest
class CampaignOrderAndLetterFiguresTest {

    private static final Pattern HASH = Pattern.compile("id=\"content-sha256\">([0-9a-f]{64})<");
    private static final Pattern FIGURE = Pattern.compile("<div class=\"n[^\"]*\">\\s*(?:<a href=\"([^\"]*)\">(\\d+)</a>|<span>(\\d+)</span>)");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    OrderTestData inspections;
    @Autowired
    Inspections facade;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    RegionRef city;
    TestData.Estate east;
    TestData.Estate south;
    long eastCompany;
    long southCompany;
    Person head;
    Person southStreet;

    @BeforeEach
    void aCityOfTwoStreetsAndTwoCompanies() {
        city = tree.city(PolicyPreset.HUACHUAN_2021);
        RegionRef district = tree.region(city, RegionLevel.DISTRICT);
        RegionRef eastStreet = tree.region(district, RegionLevel.STREET);
        RegionRef southStreetRegion = tree.region(district, RegionLevel.STREET);
        eastCompany = tree.company(null);
        southCompany = tree.company(null);
        east = tree.estate(tree.region(eastStreet, RegionLevel.COMMUNITY), eastCompany);
        south = tree.estate(tree.region(southStreetRegion, RegionLevel.COMMUNITY), southCompany);
        head = tree.authority(Role.CITY_AUTHORITY, city);
        southStreet = tree.authority(Role.STREET_AUTHORITY, southStreetRegion);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverdueOrderAndAnUnsignedLetterShowOnTheCampaignPageAndAnotherStreetSeesNone() {
        clock.setLocal(LocalDateTime.of(2026, 9, 30, 10, 0));
        TestClient cityClient = head.login(port);
        long campaign = createCampaign(cityClient);
        long phase = jdbc.sql("SELECT id FROM sup_phase WHERE campaign_id = :c AND position = 1").param("c", campaign)
                .query(Long.class).single();
        long order = inspections.orderOf(inspections.unqualified(east.id(), campaign, phase, head.user()));
        long outside = inspections.orderOf(inspections.unqualified(east.id(), head.user()));

        TestClient association = tree.authority(Role.PROPERTY_ASSOCIATION, city).login(port);
        long letter = publish(association, LocalDateTime.of(2026, 10, 1, 10, 0));
        assertThat(sign(tree.companyHead(southCompany).login(port), letter, southCompany).status()).isEqualTo(302);

        String before = cityClient.get("/supervision/campaigns/" + campaign + "?phase=" + phase).body();
        assertThat(figure(before, "sup.fig.ordersDue")).isEqualTo(new Shown(1, "/supervision/orders?filter=DUE&amp;phase=" + phase));
        assertThat(figure(before, "sup.fig.ordersOverdue").value()).isZero();
        assertThat(figure(before, "sup.fig.lettersUnsigned").value()).as("before the deadline").isZero();

        clock.setLocal(LocalDateTime.of(2026, 10, 10, 9, 0));
        String page = cityClient.get("/supervision/campaigns/" + campaign + "?phase=" + phase).body();
        assertThat(page).contains("整改已逾期").contains("责任书逾期未签阅");
        Shown overdue = figure(page, "sup.fig.ordersOverdue");
        assertThat(overdue).as("only the order of the campaign's inspection")
                .isEqualTo(new Shown(1, "/supervision/orders?filter=OVERDUE&amp;phase=" + phase));
        assertThat(figure(page, "sup.fig.ordersOpen").value()).isEqualTo(1);
        assertThat(figure(page, "sup.fig.ordersDue").value()).isZero();
        Shown unsigned = figure(page, "sup.fig.lettersUnsigned");
        assertThat(unsigned).isEqualTo(new Shown(1, "/supervision/letters/" + letter + "/unsigned"));

        String orders = cityClient.get(overdue.link().replace("&amp;", "&")).body();
        assertThat(orders).contains("data-order=\"" + order + "\"").doesNotContain("data-order=\"" + outside + "\"")
                .contains("id=\"phase-filter\"");
        assertThat(cityClient.get("/supervision/orders?filter=OVERDUE").body()).contains("data-order=\"" + outside + "\"");
        assertThat(cityClient.get(unsigned.link()).body()).contains("data-company=\"" + companyName(eastCompany) + "\"")
                .doesNotContain("data-company=\"" + companyName(southCompany) + "\"");

        Map<String, Object> figures = json.readValue(cityClient.get("/supervision/campaigns/" + campaign + "/figures.json?phase=" + phase).body(),
                Map.class);
        List<Map<String, Object>> more = (List<Map<String, Object>>) figures.get("figures");
        assertThat(more).anySatisfy(f -> assertThat(f).containsEntry("labelKey", "sup.fig.ordersOverdue").containsEntry("value", 1));

        TestClient streetClient = southStreet.login(port);
        String theirs = streetClient.get("/supervision/campaigns/" + campaign + "?phase=" + phase).body();
        assertThat(figure(theirs, "sup.fig.ordersOverdue").value()).isZero();
        assertThat(figure(theirs, "sup.fig.ordersOpen").value()).isZero();
        assertThat(figure(theirs, "sup.fig.lettersUnsigned").value()).as("the company working in the street has signed").isZero();
        assertThat(streetClient.get(overdue.link().replace("&amp;", "&")).body()).doesNotContain("data-order=\"" + order + "\"");
    }

    @Test
    void theOverviewShowsTheScopesOpenOrdersSanctionsInForceAndUnsignedLetters() {
        clock.setLocal(LocalDateTime.of(2026, 9, 30, 10, 0));
        long order = inspections.orderOf(inspections.unqualified(east.id(), head.user()));
        TestClient association = tree.authority(Role.PROPERTY_ASSOCIATION, city).login(port);
        long letter = publish(association, LocalDateTime.of(2026, 10, 1, 10, 0));
        clock.setLocal(LocalDateTime.of(2026, 10, 10, 9, 0));
        TestClient cityClient = head.login(port);
        cityClient.get("/supervision/orders/" + order);
        assertThat(cityClient.postForm("/supervision/orders/" + order + "/sanctions", Map.of("kind", "CIRCULATED_CRITICISM",
                "groundKind", "ORDER", "groundId", String.valueOf(order), "reason", "逾期未整改")).status()).isEqualTo(302);

        String page = cityClient.get("/supervision").body();
        assertThat(page).containsPattern("id=\"overview-overdue\"[^>]*>1<").contains("href=\"/supervision/orders?filter=OVERDUE\"");
        assertThat(page).contains("id=\"overview-sanctions\"").contains("逾期未整改").contains("通报批评")
                .contains("href=\"/supervision/companies/" + eastCompany + "\"");
        assertThat(page).contains("data-letter=\"" + letter + "\"").contains("href=\"/supervision/letters/" + letter + "/unsigned\"")
                .containsPattern("class=\"unsigned v-REFUSE\">2<");

        String theirs = southStreet.login(port).get("/supervision").body();
        assertThat(theirs).containsPattern("id=\"overview-overdue\"[^>]*>0<").contains("id=\"no-sanctions\"").doesNotContain("逾期未整改")
                .containsPattern("class=\"unsigned v-REFUSE\">1<");
    }

    record Shown(long value, String link) {
    }

    private static Shown figure(String page, String key) {
        int at = page.indexOf("data-figure=\"" + key + "\"");
        assertThat(at).as("figure " + key + " on the page").isPositive();
        Matcher m = FIGURE.matcher(page);
        assertThat(m.find(at)).as("figure " + key + " has a value").isTrue();
        return m.group(1) != null ? new Shown(Long.parseLong(m.group(2)), m.group(1)) : new Shown(Long.parseLong(m.group(3)), null);
    }

    private long createCampaign(TestClient client) {
        client.get("/supervision/campaigns");
        long template = facade.inUse(OrderTestData.SHEET).orElseThrow().value();
        var created = client.postForm("/supervision/campaigns", Map.of("name", "专项督导" + city.name(),
                "regionId", String.valueOf(city.id()), "templateId", String.valueOf(template), "kinds", "SELF_HOME,GROUP,SPOT_CHECK",
                "phaseName", "第一阶段", "startsOn", "2026-09-28", "endsOn", "2026-10-20"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return Long.parseLong(created.contentType().replaceAll(".*/campaigns/(\\d+).*", "$1"));
    }

    private long publish(TestClient assoc, LocalDateTime deadline) {
        LetterText preset = LetterText.zhongshan2022();
        assoc.get("/supervision/letters/new");
        var r = assoc.postForm("/supervision/letters", Map.of("title", preset.title(), "body", preset.body(),
                "questions", String.join("\n", preset.questions()), "closing", preset.closing(), "issuer", preset.issuer(),
                "deadline", deadline.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.contentType().replaceAll(".*/supervision/letters/(\\d+).*", "$1"));
    }

    private TestClient.Response sign(TestClient head, long letter, long company) {
        Matcher hash = HASH.matcher(head.get("/supervision/letters/" + letter).body());
        assertThat(hash.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            form.put("answers[" + i + "]", "true");
        }
        form.put("signature", "负责人");
        form.put("contentSha256", hash.group(1));
        long recipient = jdbc.sql("SELECT id FROM sup_letter_recipient WHERE letter_id = :l AND company_id = :c")
                .param("l", letter).param("c", company).query(Long.class).single();
        return head.postForm("/supervision/letters/" + letter + "/recipients/" + recipient + "/signature", form);
    }

    private String companyName(long company) {
        return jdbc.sql("SELECT company_name FROM sup_letter_recipient WHERE company_id = :c LIMIT 1").param("c", company)
                .query(String.class).single();
    }
}
