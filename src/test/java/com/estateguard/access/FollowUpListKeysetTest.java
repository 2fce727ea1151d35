package com.estateguard.access;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.internal.FollowUpId;
import com.estateguard.access.internal.FollowUps;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The follow-up list pages by keyset (issue 12 §3): newest first by (created at, id), 25 a page, cursors in the URL and
 * no OFFSET; follow-ups opened while the staff page through arrive above the first page and none repeats or hides
 * another; the open/all filter and a region kept across pages.
 */
@IntegrationTest
class FollowUpListKeysetTest {

    private static final Pattern ROW = Pattern.compile("id=\"follow-up-(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    FollowUps followUps;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate estate;

    @BeforeEach
    void anEstateWithATerminal() {
        clock.setToday(9, 0);
        estate = data.estate(PolicyPreset.BEIJING_2022);
    }

    /** n visitors refused for a fever, each opening a report to the community (Beijing 2022); the follow-ups' ids in order. */
    private List<Long> fevers(int n) {
        TestClient terminal = estate.terminal(port);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var response = terminal.postJson("/api/v1/checks", """
                    {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"发热访客",
                     "evidence":{"temperature":{"celsius":38.5,"method":"INFRARED_TERMINAL"},
                       "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                       "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                       "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},"mask":true}}"""
                    .formatted(UUID.randomUUID(), estate.southGate(), clock.instant().minus(5, ChronoUnit.HOURS)));
            assertThat(response.status()).isEqualTo(201);
            long check = Long.parseLong(response.body().replaceAll(".*\"checkId\":(\\d+).*", "$1"));
            ids.add(jdbc.sql("SELECT id FROM access_follow_up WHERE check_id = :c").param("c", check).query(Long.class).single());
        }
        return ids;
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }

    private static List<Long> newestFirst(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void walkingNextYieldsEveryFollowUpOnceWhileNewOnesArrive() {
        List<Long> original = fevers(30);
        var admin = estate.admin().login(port);

        String first = admin.get("/follow-ups").body();
        assertThat(first).contains("共 30 条").doesNotContain("rel=\"prev\"");
        List<Long> seen = new ArrayList<>(rows(first));
        assertThat(seen).hasSize(25);
        String next = link(NEXT, first);
        assertThat(next).contains("after=").contains("open=true").doesNotContain("page=");

        List<Long> newer = fevers(5);   // the gate goes on refusing between page requests
        String second = admin.get(next).body();
        seen.addAll(rows(second));
        assertThat(link(NEXT, second)).isNull();
        assertThat(seen).as("every original follow-up once, newest first, none of the newer")
                .containsExactlyElementsOf(newestFirst(original)).doesNotContainAnyElementsOf(newer);

        String back = admin.get(link(PREVIOUS, second)).body();
        assertThat(rows(back)).containsExactlyElementsOf(rows(first));
        assertThat(back).contains("共 35 条").contains("rel=\"prev\"");
        assertThat(rows(admin.get("/follow-ups").body())).startsWith(newestFirst(newer).toArray(Long[]::new));
    }

    @Test
    void theRegionAndTheOpenFilterAreKeptAndAClosedOneLeavesTheOpenList() {
        List<Long> original = fevers(30);
        followUps.close(new FollowUpId(original.get(3)), "已报告社区", estate.admin().user());
        var street = data.authority(estate, Role.STREET_AUTHORITY);
        var browser = street.login(port);

        String first = browser.get("/follow-ups?region=" + estate.regions().street()).body();
        assertThat(first).contains("共 29 条").contains("区域：");
        String next = link(NEXT, first);
        assertThat(next).contains("region=" + estate.regions().street()).contains("open=true");
        followUps.close(new FollowUpId(original.get(1)), "已报告社区", estate.admin().user());   // on the second page, closed meanwhile
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(browser.get(next).body()));
        List<Long> open = new ArrayList<>(newestFirst(original));
        open.remove(original.get(3));
        open.remove(original.get(1));
        assertThat(seen).containsExactlyElementsOf(open);

        String all = browser.get("/follow-ups?open=false&region=" + estate.regions().street()).body();
        assertThat(all).contains("共 30 条");
        String allNext = link(NEXT, all);
        assertThat(allNext).contains("open=false").contains("region=" + estate.regions().street());
        List<Long> everything = new ArrayList<>(rows(all));
        everything.addAll(rows(browser.get(allNext).body()));
        assertThat(everything).containsExactlyElementsOf(newestFirst(original));
    }
}
