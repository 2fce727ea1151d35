package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.identity.Users;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionLevel;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.supervision.internal.campaign.SpotChecks;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns over HTTP (SPV-03..06, issue 10 section 7) in a city of the test's own: two streets,
 * three estates, a city head, two of their staff and a user of the second street.
 */
@IntegrationTest
class CampaignCoverageTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgDirectory org;
    @Autowired
    Users users;
    @Autowired
    Inspections inspections;
    @Autowired
    Policies policies;
    @Autowired
    TestClock clock;

    String tag;
    long city;
    long street1;
    long street2;
    long a1;
    long a2;
    long b1;
    TestData.Person head;
    TestData.Person staffer;
    TestData.Person colleague;
    TestData.Person street2User;
    long template;

    @BeforeEach
    void aCityOfTwoStreets() {
        tag = SEQUENCE.incrementAndGet() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        city = org.createRegion(null, RegionLevel.CITY, "督导市" + tag, "test");
        long district = org.createRegion(city, RegionLevel.DISTRICT, "督导区" + tag, "test");
        street1 = org.createRegion(district, RegionLevel.STREET, "东区街道" + tag, "test");
        street2 = org.createRegion(district, RegionLevel.STREET, "南区街道" + tag, "test");
        long c1 = org.createRegion(street1, RegionLevel.COMMUNITY, "东社区" + tag, "test");
        long c2 = org.createRegion(street2, RegionLevel.COMMUNITY, "南社区" + tag, "test");
        long company = org.createCompany(null, "督导物业" + tag, "test");
        a1 = estate("东甲苑" + tag, c1, company);
        a2 = estate("东乙苑" + tag, c1, company);
        b1 = estate("南丙苑" + tag, c2, company);
        String cityPath = org.region(new RegionId(city)).orElseThrow().path();
        policies.install(new Policies.NewVersion("督导市" + tag + "：" + PolicyPreset.HUACHUAN_2021.labelZh(), cityPath, "督导市" + tag,
                LocalDate.of(2020, 1, 1).atStartOfDay(clock.getZone()).toInstant(), PolicyPreset.HUACHUAN_2021.parameters(), null,
                PolicyPreset.HUACHUAN_2021.name()), "test");
        head = person("head", Role.CITY_AUTHORITY, city);
        staffer = person("staff", Role.STREET_AUTHORITY, street1);
        colleague = person("colleague", Role.DISTRICT_AUTHORITY, district);
        street2User = person("south", Role.STREET_AUTHORITY, street2);
        template = inspections.inUse("HUACHUAN_2021").orElseThrow().value();
    }

    private long estate(String name, long community, long company) {
        return org.createEstate(new OrgDirectory.EstateForm(name, community, company, new BigDecimal("10000"), name + "1号",
                null, null, null), "test");
    }

    private TestData.Person person(String prefix, Role role, long region) {
        String username = "sup" + prefix + tag.replace("-", "");
        long id = users.createSeeded(new Users.NewUser(username, TestData.PASSWORD, prefix + tag, role, region, null, null, null),
                users.hash(TestData.PASSWORD), "test");
        String scope = org.region(new RegionId(region)).orElseThrow().path();
        return new TestData.Person(id, username, new CurrentUser(id, username, prefix + tag, role, scope, null, null));
    }

    private long createCampaign(TestClient client) {
        client.get("/supervision/campaigns");
        var created = client.postForm("/supervision/campaigns", Map.of("name", "物业小区疫情防控专项督导" + tag,
                "regionId", String.valueOf(city), "templateId", String.valueOf(template), "kinds", "SELF_HOME,GROUP,SPOT_CHECK",
                "phaseName", "第一阶段", "startsOn", "2022-04-19", "endsOn", "2022-04-26"));
        assertThat(created.status()).isEqualTo(302);
        return Long.parseLong(created.contentType().replaceAll(".*/campaigns/(\\d+).*", "$1"));
    }

    private long phaseOf(long campaign) {
        return jdbc.sql("SELECT id FROM sup_phase WHERE campaign_id = :c AND position = 1").param("c", campaign).query(Long.class).single();
    }

    /** Everything at full marks: a qualified inspection. */
    private void inspect(long estate, long campaign, long phase, InspectionKind kind, TestData.Person by, boolean full) {
        var entries = inspections.items(new TemplateId(template)).stream()
                .map(i -> new ItemEntry(i.id(), value(i, full), i.mode() == ScoringMode.YES_NO_NA ? YesNoNa.YES : null, null)).toList();
        inspections.submit(new SubmitInspection(new TemplateId(template), new EstateId(estate), campaign, phase, kind, null, null,
                entries, null, null), by.user());
    }

    private static BigDecimal value(TemplateItem item, boolean full) {
        return switch (item.mode()) {
            case ALL_OR_NOTHING, GRADED -> full ? item.maxPoints() : item.minPoints();
            case DEDUCTION -> full ? BigDecimal.ZERO : item.maxPoints().subtract(item.minPoints());
            default -> null;
        };
    }

    private Map<String, Object> figures(TestClient client, long campaign, String query) {
        var response = client.get("/supervision/campaigns/" + campaign + "/figures.json" + query);
        assertThat(response.status()).isEqualTo(200);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.body(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    @Test
    void aStaffMembersHomeIsAssignedAndTheirInspectionCoversIt() {
        var city = head.login(port);
        long campaign = createCampaign(city);
        long phase = phaseOf(campaign);
        assertThat(figures(city, campaign, "?phase=" + phase)).containsEntry("estates", 3).containsEntry("inspected", 0);

        var me = staffer.login(port);
        me.get("/supervision/campaigns/" + campaign + "/home");
        assertThat(me.postForm("/supervision/campaigns/" + campaign + "/home", Map.of("estateId", String.valueOf(a1))).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT estate_id FROM sup_assignment WHERE phase_id = :p AND user_id = :u AND kind = 'SELF_HOME'")
                .param("p", phase).param("u", staffer.id()).query(Long.class).single()).isEqualTo(a1);
        assertThat(me.get("/supervision/campaigns/" + campaign + "?phase=" + phase).body()).contains("东甲苑" + tag, "去检查");
        // The head sees both of their people who have not inspected yet; the one who recorded a home pending.
        String team = city.get("/supervision/campaigns/" + campaign + "/home?phase=" + phase).body();
        assertThat(team).contains("staff" + tag, "colleague" + tag, "尚未检查", "未登记居住小区");

        inspect(a1, campaign, phase, InspectionKind.SELF_HOME, staffer, true);

        var after = figures(city, campaign, "?phase=" + phase);
        assertThat(after).containsEntry("inspected", 1).containsEntry("gaps", 2);
        assertThat((List<Map<String, Object>>) after.get("streets")).anySatisfy(s -> {
            assertThat(s).containsEntry("name", "东区街道" + tag).containsEntry("inspected", 1).containsEntry("gaps", 1);
        });
        assertThat(city.get("/supervision/campaigns/" + campaign + "/home?phase=" + phase).body())
                .contains("已检查").doesNotContain("尚未检查");
    }

    @Test
    void theGapsGoToTheGroupCoveringTheirStreet() {
        var city = head.login(port);
        long campaign = createCampaign(city);
        long phase = phaseOf(campaign);
        inspect(a1, campaign, phase, InspectionKind.SELF_HOME, staffer, true);
        city.get("/supervision/campaigns/" + campaign + "/groups");
        assertThat(city.postForm("/supervision/campaigns/" + campaign + "/groups", Map.of("name", "东区组团",
                "regionIds", String.valueOf(street1), "leaderCompanyId", "")).status()).isEqualTo(302);
        long group = jdbc.sql("SELECT id FROM sup_group WHERE campaign_id = :c").param("c", campaign).query(Long.class).single();
        // A street belongs to one group only.
        assertThat(city.postForm("/supervision/campaigns/" + campaign + "/groups", Map.of("name", "又一组团",
                "regionIds", String.valueOf(street1), "leaderCompanyId", "")).status()).isEqualTo(409);

        city.get("/supervision/campaigns/" + campaign);
        var filled = city.postForm("/supervision/campaigns/" + campaign + "/gaps?phase=" + phase, Map.of());
        assertThat(filled.status()).isEqualTo(302);

        assertThat(jdbc.sql("SELECT estate_id FROM sup_assignment WHERE phase_id = :p AND kind = 'GROUP' AND group_id = :g")
                .param("p", phase).param("g", group).query(Long.class).list()).containsExactly(a2);
        assertThat(city.get(filled.contentType().replaceAll("^https?://[^/]+", "")).body())
                .contains("1 个未检查小区已分派给所在镇街的组团；1 个小区所在镇街没有组团");
        // Doing it again assigns nothing twice.
        city.postForm("/supervision/campaigns/" + campaign + "/gaps?phase=" + phase, Map.of());
        assertThat(jdbc.sql("SELECT count(*) FROM sup_assignment WHERE phase_id = :p AND kind = 'GROUP'").param("p", phase)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(city.get("/supervision/campaigns/" + campaign + "/groups?phase=" + phase).body()).contains("东乙苑" + tag);
    }

    @Test
    void aStreetUserSeesOnlyTheirOwnStreetsFigures() {
        var city = head.login(port);
        long campaign = createCampaign(city);
        long phase = phaseOf(campaign);
        inspect(a1, campaign, phase, InspectionKind.SELF_HOME, staffer, false);

        var south = street2User.login(port);
        var mine = figures(south, campaign, "?phase=" + phase);
        assertThat(mine).containsEntry("estates", 1).containsEntry("inspected", 0).containsEntry("unqualified", 0);
        assertThat(south.get("/supervision/campaigns/" + campaign + "/figures.json?region=" + street1).status()).isEqualTo(404);
        assertThat((List<Map<String, Object>>) mine.get("streets")).extracting(s -> s.get("name")).containsExactly("南区街道" + tag);
        String page = south.get("/supervision/campaigns/" + campaign + "?phase=" + phase).body();
        assertThat(page).contains("督导区" + tag).doesNotContain("东甲苑" + tag).doesNotContain("东区街道" + tag);
        // The city sees the unqualified estate.
        assertThat(city.get("/supervision/campaigns/" + campaign + "?phase=" + phase).body()).contains("unqualified-estates", "东甲苑" + tag);
    }

    @Test
    void aSpotCheckDrawIsRecordedWithItsSeedAndAssigned() throws Exception {
        var city = head.login(port);
        long campaign = createCampaign(city);
        long phase = phaseOf(campaign);
        inspect(a1, campaign, phase, InspectionKind.SELF_HOME, staffer, true);
        inspect(b1, campaign, phase, InspectionKind.GROUP, head, true);

        city.get("/supervision/campaigns/" + campaign);
        assertThat(city.postForm("/supervision/campaigns/" + campaign + "/spot-checks?phase=" + phase,
                Map.of("kind", "SPOT_CHECK", "size", "1")).status()).isEqualTo(302);

        var row = jdbc.sql("SELECT id, seed, population, estate_ids, selected_by FROM sup_spot_selection WHERE campaign_id = :c")
                .param("c", campaign).query().singleRow();
        List<Long> sample = Arrays.asList((Long[]) ((java.sql.Array) row.get("estate_ids")).getArray());
        assertThat(row).containsEntry("population", 2).containsEntry("selected_by", head.username());
        assertThat(sample).hasSize(1).isEqualTo(SpotChecks.draw(List.of(Math.min(a1, b1), Math.max(a1, b1)), (Long) row.get("seed"), 1));
        assertThat(jdbc.sql("SELECT estate_id FROM sup_assignment WHERE phase_id = :p AND kind = 'SPOT_CHECK' AND user_id = :u")
                .param("p", phase).param("u", head.id()).query(Long.class).list()).isEqualTo(sample);
        assertThat(city.get("/supervision/campaigns/" + campaign + "?phase=" + phase).body()).contains("spot-selections",
                String.valueOf(row.get("seed")));
        assertThatThrownBy(() -> jdbc.sql("UPDATE sup_spot_selection SET population = 99 WHERE id = :id").param("id", row.get("id")).update())
                .hasMessageContaining("append-only");
    }
}
