package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An incident over HTTP as the estate's prevention administrator runs it (EMG-01..04, 11, 12): open,
 * move to the observation point, reports (one late, one back-dated and refused), the end refused until the
 * CDC's assessment is recorded, then ended; others refused; a drill kept apart from real incidents.
 */
@IntegrationTest
class IncidentFlowTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    @Test
    void fromOpeningToTheCdcsAllClear() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        TestClient admin = estate.admin().login(port);
        admin.get("/emergency/plan");
        assertThat(admin.postForm("/emergency/plan/" + estate.id() + "/points",
                Map.of("name", "2号楼架空层观察点", "location", "2号楼北侧", "capacity", "2")).status()).isEqualTo(302);

        String page = open(admin, estate.id(), "王五", false);
        String id = page.substring(page.lastIndexOf('/') + 1);
        String incident = "/emergency/incidents/" + id;

        assertThat(admin.postForm(incident + "/moves", Map.of("pointId", incidentPoint(admin, incident), "personName", "王五",
                "movedBy", "保安 李四")).status()).isEqualTo(302);
        assertThat(admin.postForm(incident + "/reports", report("COMMUNITY", "PHONE")).status()).isEqualTo(302);
        clock.advance(Duration.ofMinutes(121));
        assertThat(admin.postForm(incident + "/reports", report("CDC", "PHONE")).status()).isEqualTo(302);

        var backdated = new HashMap<>(report("HEALTH", "PHONE"));
        backdated.put("reportedAt", LOCAL.format(clock.localNow().minusMinutes(30)));
        var refused = admin.postForm(incident + "/reports", backdated);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("不得补报倒签");

        String shown = admin.get(incident).body();
        assertThat(shown).contains("保安 李四").contains("1 / 2");
        assertThat(section(shown, "reports")).contains("属地街道社区").contains("按时").contains("疾控中心").contains("逾期")
                .doesNotContain("卫健部门");

        var early = admin.postForm(incident + "/end", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("尚未登记属地疾控中心的评估");

        assertThat(admin.postForm(incident + "/cdc-assessment", Map.of("assessor", "区疾控中心 陈医生",
                "result", "流调、核酸筛查、终末消毒均已完成，评估合格")).status()).isEqualTo(302);
        assertThat(admin.postForm(incident + "/end", Map.of()).status()).isEqualTo(302);

        String ended = admin.get(incident).body();
        assertThat(ended).contains("已结束").contains("区疾控中心 陈医生");
        assertThat(section(ended, "timeline")).contains("启动应急处置").contains("转至隔离观察点").contains("疾控评估")
                .contains("应急处置结束");
    }

    @Test
    void anotherEstateAndTheGuardAreRefusedAndTheStreetReadsIt() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var other = data.estate(PolicyPreset.QUANZHOU_2021);
        String incident = open(estate.admin().login(port), estate.id(), "赵六", false);

        TestClient stranger = other.admin().login(port);
        stranger.get("/emergency");
        assertThat(stranger.get(incident).status()).isEqualTo(404);
        assertThat(stranger.postForm(incident + "/notes", Map.of("text", "试探")).status()).isEqualTo(404);
        assertThat(estate.guard().login(port).get(incident).status()).isEqualTo(403);

        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);
        assertThat(street.get(incident).body()).contains("赵六").doesNotContain("id=\"steps\"");
        assertThat(street.postForm(incident + "/notes", Map.of("text", "街道记录")).status()).isEqualTo(403);
    }

    @Test
    void aDrillIsListedApartAndNeverAmongRealIncidents() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        TestClient admin = estate.admin().login(port);
        open(admin, estate.id(), "钱七", true);
        open(admin, estate.id(), "孙八", false);

        String overview = data.authority(estate, Role.STREET_AUTHORITY).login(port).get("/emergency?estate=" + estate.id()).body();
        assertThat(section(overview, "incidents")).contains("孙*").doesNotContain("钱*");
        assertThat(section(overview, "drills")).contains("钱*").doesNotContain("孙*");
    }

    @Test
    void thePlanListsWhatIsMissingUntilEveryPostPointRouteAndNumberIsThere() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        TestClient admin = estate.admin().login(port);
        String empty = admin.get("/emergency/plan").body();
        assertThat(section(empty, "plan-gaps")).contains("岗位无人负责：组长（项目经理）").contains("没有隔离观察点")
                .contains("缺少联系电话：疾控中心");

        var refused = admin.postForm("/emergency/plan/" + estate.id() + "/roles",
                Map.of("role", "LEADER", "userId", Long.toString(estate.admin().id())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("工作组组长须由项目经理担任");

        String base = "/emergency/plan/" + estate.id();
        for (String role : new String[] {"LEADER", "REPORTING", "GATE", "OBSERVATION", "CDC_GUIDE", "DISINFECTION", "SUPPLIES",
                "COMMUNICATION"}) {
            assertThat(admin.postForm(base + "/roles", Map.of("role", role, "personName", "负责人" + role, "phone", "13900000000"))
                    .status()).isEqualTo(302);
        }
        admin.postForm(base + "/points", Map.of("name", "观察点一", "capacity", "2"));
        assertThat(section(admin.get("/emergency/plan").body(), "plan-gaps")).doesNotContain("没有隔离观察点").doesNotContain("岗位无人负责")
                .contains("未登记应急（急救）通道");
        admin.postForm(base + "/contacts", Map.of("accessRoutes", "北门消防通道", "communityPhone", "0571-1", "housingPhone", "0571-2",
                "healthPhone", "0571-3", "cdcPhone", "0571-4"));
        String complete = admin.get("/emergency/plan").body();
        assertThat(complete).contains("预案完整").doesNotContain("id=\"plan-gaps\"").contains("负责人CDC_GUIDE");
        assertThat(estate.guard().login(port).get("/emergency/plan").status()).isEqualTo(403);
    }

    private String open(TestClient admin, long estate, String name, boolean drill) {
        Map<String, String> form = new HashMap<>(Map.of("estateId", Long.toString(estate), "kind", "SUSPECTED", "caseName", name,
                "casePhone", "13800000001", "source", "NEW", "onsetAt", LOCAL.format(clock.localNow().minusHours(5)),
                "locationNow", "3号楼2单元"));
        if (drill) {
            form.put("drill", "true");
        }
        assertThat(admin.get("/emergency").body()).contains("启动应急处置");
        var response = admin.postForm("/emergency/incidents", form);
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        assertThat(response.contentType()).matches(".*/emergency/incidents/\\d+$");
        return response.contentType().replaceFirst("^https?://[^/]+", "");
    }

    private static String incidentPoint(TestClient admin, String incident) {
        return admin.get(incident).body().replaceAll("(?s).*<select name=\"pointId\" required><option value=\"(\\d+)\".*", "$1");
    }

    private static Map<String, String> report(String recipient, String channel) {
        return Map.of("recipient", recipient, "channel", channel, "reporter", "防疫管理员 周");
    }

    /** The markup of the table or list with this id. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isGreaterThan(0);
        int end = page.indexOf(page.startsWith("<div", page.lastIndexOf('<', start)) ? "</div>" : "</table>", start);
        int endList = page.indexOf("</ol>", start);
        return page.substring(start, end < 0 ? endList : endList < 0 ? end : Math.min(end, endList));
    }
}
