package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.access.internal.CheckFilter;
import com.estateguard.access.internal.CheckQueries;
import com.estateguard.access.internal.CheckRow;
import com.estateguard.access.internal.FollowUpId;
import com.estateguard.access.internal.FollowUps;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.Paging;
import com.estateguard.identity.internal.DeviceKeyStore;
import com.estateguard.org.OrgDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user of estate A cannot read or write estate B through any page or API call. Estate A is
 * 阳光花园 (guard, admin), estate B is 锦绣苑 (guardb). Each test tries to cross and must fail.
 */
@IntegrationTest
class DataScopeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CheckQueries queries;
    @Autowired
    FollowUps followUps;
    @Autowired
    OrgDirectory org;
    @Autowired
    DeviceKeyStore keys;
    @Autowired
    TestClock clock;

    long estateA;
    long estateB;
    long checkInB;

    @BeforeEach
    void aRefusedCheckAtEstateB() {
        estateA = Fixtures.estate(jdbc, "阳光花园");
        estateB = Fixtures.estate(jdbc, "锦绣苑");
        CurrentUser adminB = Fixtures.user(jdbc, "adminb");
        var key = keys.issue(Fixtures.entrance(jdbc, "锦绣苑", "南门"), "B 测试终端", adminB);
        var response = TestClient.device(port, key.plainKey()).postJson("/api/v1/checks", CheckpointApiTest.check(
                UUID.randomUUID(), Fixtures.entrance(jdbc, "锦绣苑", "南门"), "RESIDENT", "38.6", "GREEN", "SCANNED",
                clock.instant().minus(2, ChronoUnit.HOURS)));
        assertThat(response.status()).isEqualTo(201);
        checkInB = Long.parseLong(response.body().replaceAll(".*\"checkId\":(\\d+).*", "$1"));
    }

    @Test
    void aGuardOfEstateACannotOpenEstateBsCheckPage() {
        var guard = TestClient.person(port, "guard", "demo1234");
        assertThat(guard.get("/checks/" + checkInB).status()).isEqualTo(404);
        var guardB = TestClient.person(port, "guardb", "demo1234");
        assertThat(guardB.get("/checks/" + checkInB).status()).isEqualTo(200);
    }

    @Test
    void estateAsListNeverShowsEstateBsRowsEvenWhenAskedFor() {
        var guard = TestClient.person(port, "guard", "demo1234");
        var page = guard.get("/checks?estate=" + estateB);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("锦绣苑 ·").doesNotContain("/checks/" + checkInB + "\"");

        CurrentUser admin = Fixtures.user(jdbc, "admin");
        var today = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        Paging<CheckRow> rows = queries.search(new CheckFilter(today, clock.instant().plus(1, ChronoUnit.DAYS), estateB,
                null, null, null, null, null, null), admin, 1, 200);
        assertThat(rows.total()).isZero();
    }

    @Test
    void aGuardOfEstateACannotRecordAtEstateBsGateThroughThePage() {
        var guard = TestClient.person(port, "guard", "demo1234");
        long shiftInB = jdbc.sql("SELECT id FROM access_shift WHERE estate_id = :e AND starts_at <= :now AND ends_at > :now LIMIT 1")
                .param("e", estateB).param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
        long before = Fixtures.countChecks(jdbc);
        guard.get("/gate");
        var post = guard.postForm("/gate/check", Map.of("clientId", UUID.randomUUID().toString(), "shiftId", String.valueOf(shiftInB),
                "mode", "SINGLE", "direction", "IN", "category", "RESIDENT", "temperature", "36.5"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(guard.get("/gate?shift=" + shiftInB).status()).isEqualTo(403);
        assertThat(Fixtures.countChecks(jdbc)).isEqualTo(before);
    }

    @Test
    void staffOfEstateACannotCloseEstateBsFollowUps() {
        // The refusal's follow-up is opened after commit, by a listener of CheckRefused.
        long followUp = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT id FROM access_follow_up WHERE check_id = :c")
                .param("c", checkInB).query(Long.class).optional(), java.util.Optional::isPresent).orElseThrow();
        CurrentUser adminA = Fixtures.user(jdbc, "admin");
        assertThatThrownBy(() -> followUps.close(new FollowUpId(followUp), "处置完毕", adminA)).isInstanceOf(NotFoundException.class);
        assertThat(followUps.list(adminA.scopePath(), false, 500)).noneMatch(f -> f.id() == followUp);

        var page = TestClient.person(port, "admin", "demo1234");
        page.get("/follow-ups");
        assertThat(page.postForm("/follow-ups/" + followUp + "/close", Map.of("note", "越权关闭")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM access_follow_up WHERE id = :id").param("id", followUp)
                .query(String.class).single()).isEqualTo("OPEN");

        CurrentUser adminB = Fixtures.user(jdbc, "adminb");
        followUps.close(new FollowUpId(followUp), "已报告社区，居民居家观察", adminB);
        assertThat(jdbc.sql("SELECT status FROM access_follow_up WHERE id = :id").param("id", followUp)
                .query(String.class).single()).isEqualTo("CLOSED");
    }

    @Test
    void estatePagesAndEntrancesOfAnotherEstateAreInvisible() {
        var admin = TestClient.person(port, "admin", "demo1234");
        assertThat(admin.get("/estates/" + estateA).status()).isEqualTo(200);
        assertThat(admin.get("/estates/" + estateB).status()).isEqualTo(404);
        long gateB = Fixtures.entrance(jdbc, "锦绣苑", "北门");
        admin.get("/estates/" + estateA);
        assertThat(admin.postForm("/entrances/" + gateB + "/open", Map.of("open", "true", "estateId", String.valueOf(estateB)))
                .status()).isEqualTo(404);
        assertThat(org.entrance(gateB, "R/").orElseThrow().open()).isFalse();
    }

    @Test
    void authoritiesSeeTheirSubtreeOnly() {
        CurrentUser street = Fixtures.user(jdbc, "street");
        // Other tests may register more estates; the demo's own must split exactly along the trees.
        assertThat(org.estates(street.scopePath())).extracting("name").contains("阳光花园", "锦绣苑")
                .doesNotContain("望江华庭", "柳湾新村", "湖滨一号", "西岸名邸");
        CurrentUser district2 = Fixtures.user(jdbc, "district2");
        assertThat(org.estates(district2.scopePath())).extracting("name").contains("柳湾新村", "湖滨一号", "西岸名邸")
                .doesNotContain("阳光花园", "锦绣苑", "望江华庭");
        CurrentUser company = Fixtures.user(jdbc, "companyhead");
        assertThat(org.estates(company.scopePath())).extracting("name")
                .contains("阳光花园", "锦绣苑", "柳湾新村", "湖滨一号").doesNotContain("望江华庭", "西岸名邸");
        assertThat(queries.byId(checkInB, street).estateId()).isEqualTo(estateB);
        assertThatThrownBy(() -> queries.byId(checkInB, district2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theHomePageCountsOnlyTheChecksInScope() {
        var today = clock.today().atStartOfDay(clock.localZone()).toInstant();
        var tomorrow = today.plus(1, ChronoUnit.DAYS);
        var filter = new CheckFilter(today, tomorrow, null, null, null, null, null, null, null);
        var forB = queries.countByVerdict(filter, Fixtures.user(jdbc, "adminb"));
        long refusedInB = jdbc.sql("""
                        SELECT count(*) FROM access_check
                         WHERE estate_id = :e AND decision = 'REFUSE' AND occurred_at >= :t AND occurred_at < :u""")
                .param("e", estateB).param("t", java.sql.Timestamp.from(today)).param("u", java.sql.Timestamp.from(tomorrow))
                .query(Long.class).single();
        assertThat(forB.get("REFUSE")).isEqualTo(refusedInB).isPositive();
        var district2 = Fixtures.user(jdbc, "district2");
        long refusedInDistrict2 = jdbc.sql("""
                        SELECT count(*) FROM access_check c JOIN org_estate e ON e.id = c.estate_id
                         WHERE e.region_path LIKE :p || '%' AND c.decision = 'REFUSE' AND c.occurred_at >= :t AND c.occurred_at < :u""")
                .param("p", district2.scopePath()).param("t", java.sql.Timestamp.from(today)).param("u", java.sql.Timestamp.from(tomorrow))
                .query(Long.class).single();
        assertThat(queries.countByVerdict(filter, district2).get("REFUSE")).isEqualTo(refusedInDistrict2);
        assertThat(TestClient.person(port, "adminb", "demo1234").get("/").body()).contains("今日劝返");
    }

    @Test
    void aUserAdminCannotCreateAccountsOutsideTheirScope() {
        var manager = TestClient.person(port, "manager", "demo1234");
        manager.get("/users");
        var response = manager.postForm("/users", Map.of("username", "intruder", "password", "longenough1",
                "displayName", "越权", "role", "GUARD", "estateId", String.valueOf(estateB)));
        assertThat(response.body()).doesNotContain("intruder</td>");
        assertThat(jdbc.sql("SELECT count(*) FROM iam_user WHERE username = 'intruder'").query(Long.class).single()).isZero();
    }
}
