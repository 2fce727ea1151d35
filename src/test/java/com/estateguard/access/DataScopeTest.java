package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData.Estate;
import com.estateguard.TestData.Person;
import com.estateguard.TestTree;
import com.estateguard.access.internal.CheckFilter;
import com.estateguard.access.internal.CheckQueries;
import com.estateguard.access.internal.FollowUpId;
import com.estateguard.access.internal.FollowUps;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.Role;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user of estate A cannot read or write estate B through any page or API call. Each test builds
 * a city of its own (see {@link #aTown()}); A and B share a street, and each test tries to cross
 * from A to B and must fail.
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
    TestTree tree;
    @Autowired
    TestClock clock;

    Town town;
    Estate a;
    Estate b;
    long checkInB;

    /**
     * Estates A and B in one street of a district, C in another street of that district under
     * another company, D in a second district under a branch of A and B's company.
     */
    record Town(Estate a, Estate b, Estate c, Estate d, Person street, Person district2, Person companyHead) {
    }

    @BeforeEach
    void aRefusedCheckAtEstateB() {
        clock.setToday(10, 0);   // the refusals and the day the home page counts fall on one date
        town = aTown();
        a = town.a();
        b = town.b();
        checkInB = feverAt(b);
    }

    @Test
    void aGuardOfEstateACannotOpenEstateBsCheckPage() {
        assertThat(a.guard().login(port).get("/checks/" + checkInB).status()).isEqualTo(404);
        assertThat(b.guard().login(port).get("/checks/" + checkInB).status()).isEqualTo(200);
    }

    @Test
    void estateAsListNeverShowsEstateBsRowsEvenWhenAskedFor() {
        String rowOfB = "/checks/" + checkInB + "\"";
        assertThat(b.guard().login(port).get("/checks").body()).contains(rowOfB).contains(b.name());
        var page = a.guard().login(port).get("/checks?estate=" + b.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(rowOfB).doesNotContain(b.name());

        var from = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        var rows = queries.page(new CheckFilter(from, clock.instant().plus(1, ChronoUnit.DAYS), b.id(),
                null, null, null, null, null, null), a.admin().user(), null, null, 200);
        assertThat(rows.rows()).isEmpty();
        assertThat(rows.counted()).isZero();
    }

    @Test
    void aGuardOfEstateACannotRecordAtEstateBsGateThroughThePage() {
        var guard = a.guard().login(port);
        long shiftInB = jdbc.sql("SELECT id FROM access_shift WHERE estate_id = :e AND starts_at <= :now AND ends_at > :now")
                .param("e", b.id()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        guard.get("/gate");
        var post = guard.postForm("/gate/check", Map.of("clientId", UUID.randomUUID().toString(), "shiftId", String.valueOf(shiftInB),
                "mode", "SINGLE", "direction", "IN", "category", "RESIDENT", "temperature", "36.5"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(guard.get("/gate?shift=" + shiftInB).status()).isEqualTo(403);
        assertThat(checksAt(a)).isZero();
        assertThat(checksAt(b)).isEqualTo(1);
    }

    @Test
    void staffOfEstateACannotCloseEstateBsFollowUps() {
        long followUp = jdbc.sql("SELECT id FROM access_follow_up WHERE check_id = :c").param("c", checkInB).query(Long.class).single();
        var adminA = a.admin().user();
        assertThatThrownBy(() -> followUps.close(new FollowUpId(followUp), "处置完毕", adminA)).isInstanceOf(NotFoundException.class);
        assertThat(followUps.page(adminA.scopePath(), false, null, null, 500).rows()).noneMatch(f -> f.id() == followUp);

        var page = a.admin().login(port);
        page.get("/follow-ups");
        assertThat(page.postForm("/follow-ups/" + followUp + "/close", Map.of("note", "越权关闭")).status()).isEqualTo(404);
        assertThat(followUpStatus(followUp)).isEqualTo("OPEN");

        followUps.close(new FollowUpId(followUp), "已报告社区，居民居家观察", b.admin().user());
        assertThat(followUpStatus(followUp)).isEqualTo("CLOSED");
    }

    @Test
    void estatePagesAndEntrancesOfAnotherEstateAreInvisible() {
        var admin = a.admin().login(port);
        assertThat(admin.get("/estates/" + a.id()).status()).isEqualTo(200);
        assertThat(admin.get("/estates/" + b.id()).status()).isEqualTo(404);
        admin.get("/estates/" + a.id());
        assertThat(admin.postForm("/entrances/" + b.northGate() + "/open", Map.of("open", "true", "estateId", String.valueOf(b.id())))
                .status()).isEqualTo(404);
        assertThat(org.entrance(new EntranceId(b.northGate()), "R/").orElseThrow().open()).isFalse();
    }

    /** Entrances are kept briefly by id for the gate (issue 12 section 4); the scope is still asked on every look-up. */
    @Test
    void aCachedEntranceIsStillOnlyFoundInsideTheAskersScope() {
        var b1 = new EntranceId(b.northGate());
        assertThat(org.entrance(b1, "R/")).isPresent();                                    // read and kept
        assertThat(org.entrance(b1, a.admin().user().scopePath())).isEmpty();               // estate A's admin
        assertThat(org.entrance(b1, b.admin().user().scopePath())).isPresent();
        assertThat(org.entrance(b1, town.district2().user().scopePath())).isEmpty();         // another district
        assertThat(org.entrance(b1, town.companyHead().user().scopePath())).isPresent();     // by the company path
    }

    @Test
    void authoritiesSeeTheirSubtreeOnly() {
        var street = town.street().user();
        var district2 = town.district2().user();
        assertThat(estatesOf(street.scopePath())).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(estatesOf(district2.scopePath())).containsExactly(town.d().id());
        assertThat(estatesOf(town.companyHead().user().scopePath())).containsExactlyInAnyOrder(a.id(), b.id(), town.d().id());
        assertThat(queries.byId(checkInB, street).estateId()).isEqualTo(b.id());
        assertThatThrownBy(() -> queries.byId(checkInB, district2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theHomePageCountsOnlyTheChecksInScope() {
        feverAt(town.d());
        var today = clock.today().atStartOfDay(clock.localZone()).toInstant();
        var filter = new CheckFilter(today, today.plus(1, ChronoUnit.DAYS), null, null, null, null, null, null, null);

        // One refusal in B, one in D: each scope counts the one inside it and never the other.
        assertThat(queries.countByVerdict(filter, b.admin().user()).get("REFUSE")).isEqualTo(1L);
        assertThat(queries.countByVerdict(filter, town.street().user()).get("REFUSE")).isEqualTo(1L);
        assertThat(queries.countByVerdict(filter, town.district2().user()).get("REFUSE")).isEqualTo(1L);
        assertThat(b.admin().login(port).get("/").body()).contains("今日劝返");
    }

    @Test
    void aUserAdminCannotCreateAccountsOutsideTheirScope() {
        String intruder = "intruder-" + checkInB;
        var manager = tree.staff(Role.PROJECT_MANAGER, a.id()).login(port);
        manager.get("/users");
        var response = manager.postForm("/users", Map.of("username", intruder, "password", "longenough1",
                "displayName", "越权", "role", "GUARD", "estateId", String.valueOf(b.id())));
        assertThat(response.body()).doesNotContain(intruder + "</td>");
        assertThat(jdbc.sql("SELECT count(*) FROM iam_user WHERE username = :u").param("u", intruder).query(Long.class).single()).isZero();
    }

    private Town aTown() {
        RegionRef city = tree.city(PolicyPreset.BEIJING_2022);
        RegionRef district = tree.region(city, RegionLevel.DISTRICT);
        RegionRef district2 = tree.region(city, RegionLevel.DISTRICT);
        RegionRef street = tree.region(district, RegionLevel.STREET);
        long company = tree.company(null);
        long branch = tree.company(company);
        long other = tree.company(null);
        return new Town(tree.estate(tree.region(street, RegionLevel.COMMUNITY), company),
                tree.estate(tree.region(street, RegionLevel.COMMUNITY), company),
                tree.estate(communityIn(district), other), tree.estate(communityIn(district2), branch),
                tree.authority(Role.STREET_AUTHORITY, street), tree.authority(Role.DISTRICT_AUTHORITY, district2),
                tree.companyHead(company));
    }

    private RegionRef communityIn(RegionRef district) {
        return tree.region(tree.region(district, RegionLevel.STREET), RegionLevel.COMMUNITY);
    }

    /** A resident with a fever at the estate's south gate, recorded by its terminal; returns the check. */
    private long feverAt(Estate estate) {
        var response = estate.terminal(port).postJson("/api/v1/checks", CheckpointApiTest.check(UUID.randomUUID(),
                estate.southGate(), "RESIDENT", "38.6", "GREEN", "SCANNED", clock.instant().minus(2, ChronoUnit.HOURS)));
        assertThat(response.status()).isEqualTo(201);
        return Long.parseLong(response.body().replaceAll(".*\"checkId\":(\\d+).*", "$1"));
    }

    private List<Long> estatesOf(String scope) {
        return org.estates(scope).stream().map(EstateRef::id).toList();
    }

    private long checksAt(Estate estate) {
        return jdbc.sql("SELECT count(*) FROM access_check WHERE estate_id = :e").param("e", estate.id()).query(Long.class).single();
    }

    private String followUpStatus(long id) {
        return jdbc.sql("SELECT status FROM access_follow_up WHERE id = :id").param("id", id).query(String.class).single();
    }
}
