package com.estateguard.access;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static com.estateguard.access.CheckpointApiTest.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check list pages by keyset (issue 12 §3): cursors in the URL, no OFFSET, no exact count over the set.
 * Walked over HTTP as a guard does, while the gate keeps recording.
 */
@IntegrationTest
class CheckListKeysetTest {

    private static final Pattern ROW = Pattern.compile("href=\"/checks/(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;

    TestData.Estate estate;
    TestClient terminal;

    @BeforeEach
    void anEstateWithATerminal() {
        clock.setToday(9, 0);   // the list opens on today: every check of the test falls inside it
        estate = data.estate(PolicyPreset.BEIJING_2022);
        terminal = estate.terminal(port);
    }

    /** Records n checks; two at a time share their instant, so the id alone orders them. */
    private List<Long> record(int n, String category) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            var response = terminal.postJson("/api/v1/checks", check(UUID.randomUUID(), estate.southGate(), category, "36.5",
                    "GREEN", "SCANNED", clock.instant().minus(5, ChronoUnit.HOURS)));
            assertThat(response.status()).isEqualTo(201);
            ids.add(Long.parseLong(response.body().replaceAll(".*\"checkId\":(\\d+).*", "$1")));
        }
        return ids;
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }

    private static List<Long> newestFirst(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void walkingNextYieldsEveryRowOnceWhileNewRowsArrive() {
        List<Long> original = record(55, "RESIDENT");   // two full pages of 25 and five
        var guard = estate.guard().login(port);

        String first = guard.get("/checks").body();
        assertThat(first).contains("共 55 条").doesNotContain("rel=\"prev\"");
        List<Long> seen = new ArrayList<>(rows(first));
        assertThat(seen).hasSize(25);
        String next = link(NEXT, first);
        assertThat(next).contains("after=").doesNotContain("page=").doesNotContain("OFFSET");

        List<Long> newer = record(30, "RESIDENT");   // the gate goes on recording between page requests
        List<String> pages = new ArrayList<>();
        while (next != null) {
            String page = guard.get(next).body();
            pages.add(page);
            seen.addAll(rows(page));
            next = link(NEXT, page);
        }

        assertThat(pages).hasSize(2);
        assertThat(seen).as("every original row once, newest first, none twice, none skipped, none of the newer")
                .containsExactlyElementsOf(newestFirst(original));
        assertThat(seen).doesNotContainAnyElementsOf(newer);

        // Previous from the last page gives back the middle page as it was read.
        String back = guard.get(link(PREVIOUS, pages.get(1))).body();
        assertThat(rows(back)).containsExactlyElementsOf(rows(pages.get(0)));
        // Previous from the middle page is the first page as it was read; the newer rows are above it now.
        String firstAgain = guard.get(link(PREVIOUS, back)).body();
        assertThat(rows(firstAgain)).containsExactlyElementsOf(rows(first));
        assertThat(firstAgain).contains("共 85 条").contains("rel=\"prev\"");
        // Opened afresh, the list starts with the newest rows.
        String top = guard.get("/checks").body();
        assertThat(rows(top)).containsExactlyElementsOf(newestFirst(newer).subList(0, 25));
        assertThat(top).doesNotContain("rel=\"prev\"");
    }

    @Test
    void theCursorsKeepEveryFilterAndOnlyFilteredRowsArePaged() {
        List<Long> visitors = record(30, "VISITOR");
        record(10, "RESIDENT");
        var guard = estate.guard().login(port);

        String first = guard.get("/checks?category=VISITOR&direction=IN&decision=ALLOW&q=%E6%B5%8B%E8%AF%95").body();
        String next = link(NEXT, first);
        assertThat(next).contains("category=VISITOR").contains("direction=IN").contains("decision=ALLOW").contains("q=")
                .contains("from=" + clock.today()).contains("to=" + clock.today());
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(guard.get(next).body()));
        assertThat(seen).containsExactlyElementsOf(newestFirst(visitors));
        assertThat(first).contains("共 30 条");
    }

    @Test
    void aLargeSetShowsMoreThanTheCapInsteadOfAnExactCount() {
        long one = record(1, "RESIDENT").get(0);
        // 1,000 more rows at once (a busy estate's weeks), copied in SQL: the count stops at the cap.
        jdbc.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, shift_id, occurred_at, direction, category,
                               person_name, evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                        SELECT gen_random_uuid(), estate_id, entrance_id, shift_id, occurred_at - make_interval(secs => g),
                               direction, category, person_name, evidence, decision, reason_codes, reasons, policy_version_id, created_by
                          FROM access_check, generate_series(1, 1000) AS g WHERE id = :id""")
                .param("id", one).update();
        var guard = estate.guard().login(port);

        String first = guard.get("/checks").body();
        assertThat(first).contains("超过 1,000 条").doesNotContain("共 1,001 条");
        assertThat(rows(first)).hasSize(25).startsWith(one);
        assertThat(guard.get("/checks?lang=en").body()).contains("more than 1,000 rows");
    }
}
