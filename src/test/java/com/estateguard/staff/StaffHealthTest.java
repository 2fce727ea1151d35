package com.estateguard.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.staff.internal.DutyRoster;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A guard with a fever is taken off the checkpoint roster and reported to the community; 37.3 °C is not a fever.
 * At an estate of the test's own with two guards: one on the current shift, the other on no shift yet.
 */
@IntegrationTest
class StaffHealthTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DutyRoster roster;
    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;

    LedgersTestData.Site site;
    long estate;
    TestData.Person guard2;

    @BeforeEach
    void anEstateWithTwoGuards() {
        site = data.site(PolicyPreset.BEIJING_2022);
        estate = site.id();
        guard2 = data.member(site, Role.GUARD, "保安二");
    }

    private long membersOf(long shift, long user) {
        return jdbc.sql("SELECT count(*) FROM access_shift_member WHERE shift_id = :s AND user_id = :u")
                .param("s", shift).param("u", user).query(Long.class).single();
    }

    private long shiftsOf(long user) {
        return jdbc.sql("SELECT count(*) FROM access_shift_member WHERE user_id = :u").param("u", user).query(Long.class).single();
    }

    @Test
    void aFeverTakesTheGuardOffFutureShiftsAndReportsThemToTheCommunity() {
        long admin = site.admin().id();
        Instant start = clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long shift = roster.create(site.estate().southGate(), start, start.plus(8, ChronoUnit.HOURS), admin,
                Map.of(admin, DutyRoster.Team.COMMUNITY_CADRE, guard2.id(), DutyRoster.Team.GUARD), site.admin().user());
        assertThat(membersOf(shift, guard2.id())).isOne();

        var client = site.admin().login(port);
        client.get("/staff-health/estates/" + estate);
        var saved = client.postForm("/staff-health/estates/" + estate, Map.of("userId", String.valueOf(guard2.id()), "period", "MORNING",
                "temperatureC", "37.6"));
        assertThat(saved.status()).isEqualTo(302);

        assertThat(membersOf(shift, guard2.id())).isZero();
        assertThat(membersOf(shift, admin)).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM stf_community_report WHERE user_id = :u").param("u", guard2.id())
                .query(Long.class).single()).isOne();
        String page = client.get("/staff-health/estates/" + estate).body();
        assertThat(row(page, guard2.user().displayName())).contains("37.6 °C").contains("不得上岗").contains("体温超标");
        assertThat(page).contains("已移出 1 个班次");
    }

    @Test
    void exactlyTheLimitStaysOnDuty() {
        long guard = site.guard().id();
        var client = site.admin().login(port);
        client.get("/staff-health/estates/" + estate);
        long before = shiftsOf(guard);
        assertThat(before).isPositive();
        client.postForm("/staff-health/estates/" + estate, Map.of("userId", String.valueOf(guard), "period", "EVENING", "temperatureC", "37.3"));
        assertThat(jdbc.sql("SELECT eligible FROM stf_health WHERE user_id = :u ORDER BY id DESC LIMIT 1").param("u", guard)
                .query(Boolean.class).single()).isTrue();
        assertThat(shiftsOf(guard)).isEqualTo(before);
    }

    @Test
    void someoneFromAnotherEstateCannotBeRecordedHere() {
        var other = data.site(PolicyPreset.BEIJING_2022);
        var client = site.admin().login(port);
        client.get("/staff-health/estates/" + estate);
        var refused = client.postForm("/staff-health/estates/" + estate, Map.of("userId", String.valueOf(other.guard().id()),
                "period", "MORNING", "temperatureC", "36.5"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("该人员不是本小区员工");
        assertThat(other.admin().login(port).get("/staff-health/estates/" + estate).status()).isEqualTo(404);
    }

    @Test
    void registersShowWhoIsOverdueAndWhichGuardsAreTrained() {
        long guard = site.guard().id();
        String today = clock.today().toString();
        var client = site.admin().login(port);
        client.get("/staff-health/estates/" + estate + "/registers");
        assertThat(client.postForm("/staff-health/estates/" + estate + "/nats", Map.of("userId", String.valueOf(guard), "date", today,
                "result", "NEGATIVE")).status()).isEqualTo(302);
        assertThat(client.postForm("/staff-health/estates/" + estate + "/trainings", Map.of("title", "卡口四件套查验", "date", today,
                "trainer", "街道 王干事", "attendees", String.valueOf(guard))).status()).isEqualTo(302);
        assertThat(client.postForm("/staff-health/estates/" + estate + "/vaccinations", Map.of("userId", String.valueOf(guard),
                "dose", "1", "date", today)).status()).isEqualTo(302);
        assertThat(client.postForm("/staff-health/estates/" + estate + "/vaccinations", Map.of("userId", String.valueOf(guard),
                "dose", "1", "date", today)).body()).contains("第1剂已登记");

        String page = client.get("/staff-health/estates/" + estate + "/registers").body();
        String guardRow = row(page, site.guard().user().displayName());
        String guard2Row = row(page, guard2.user().displayName());
        assertThat(guardRow).doesNotContain("核酸逾期").doesNotContain("保安未培训").doesNotContain("未接种");
        assertThat(guard2Row).contains("核酸逾期").contains("保安未培训").contains("未接种");
    }

    @Test
    void leavingTownNeedsApprovalThenAReportOnReturn() {
        var today = clock.today();
        var client = site.admin().login(port);
        client.get("/staff-health/estates/" + estate + "/registers");
        assertThat(client.postForm("/staff-health/estates/" + estate + "/leaves", Map.of("userId", String.valueOf(guard2.id()),
                "destination", "苏州", "leaveOn", today.toString(), "backOn", today.plusDays(2).toString(), "reason", "探亲")).status())
                .isEqualTo(302);
        long leave = jdbc.sql("SELECT id FROM stf_leave WHERE user_id = :u").param("u", guard2.id()).query(Long.class).single();
        String base = "/staff-health/estates/" + estate + "/leaves/" + leave;
        assertThat(client.postForm(base + "/return", Map.of("returnedOn", today.toString(), "report", "体温正常")).status()).isEqualTo(409);
        assertThat(client.postForm(base + "/decision", Map.of("approve", "true")).status()).isEqualTo(302);
        var again = client.postForm(base + "/decision", Map.of("approve", "false"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("该申请已审批");
        assertThat(client.postForm(base + "/return", Map.of("returnedOn", today.toString(), "report", "体温正常，行程卡无异常")).status())
                .isEqualTo(302);
        assertThat(client.get("/staff-health/estates/" + estate + "/registers").body()).contains("已返回").contains("体温正常，行程卡无异常");
        var otherAdmin = data.site(PolicyPreset.BEIJING_2022).admin();
        assertThat(otherAdmin.login(port).postForm(base + "/decision", Map.of("approve", "true")).status()).isIn(403, 404);
    }

    private static String row(String page, String person) {
        String row = page.substring(page.indexOf("data-person=\"" + person + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
