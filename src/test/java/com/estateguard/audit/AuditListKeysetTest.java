package com.estateguard.audit;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit page by keyset (issue 12 §3): newest first by (time, id), the rows placed in an estate and the rows
 * placed by the street's own path merged in one order, cursors and filters in the URL, the count capped.
 */
@IntegrationTest
class AuditListKeysetTest {

    private static final Pattern ROW = Pattern.compile("键集行 #(\\d+)<");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AuditTrail trail;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate estate;
    TestData.Person street;
    int sequence;

    @BeforeEach
    void anEstateAndItsStreet() {
        clock.setToday(9, 0);
        estate = data.estate(PolicyPreset.BEIJING_2022);
        street = data.authority(estate, Role.STREET_AUTHORITY);
    }

    /** n export rows, alternately the estate's (placed in it) and the street's (placed by its path); two share each second. */
    private List<Integer> record(int n) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            int number = ++sequence;
            var who = i % 2 == 0 ? estate.admin().user() : street.user();
            trail.record(AuditEntry.by(who, AuditAction.EXPORT, "键集行 #" + number).export(1, true, null));
            numbers.add(number);
        }
        return numbers;
    }

    private static List<Integer> rows(String page) {
        return KeysetLinks.ids(ROW, page).stream().map(Long::intValue).toList();
    }

    private static List<Integer> newestFirst(List<Integer> numbers) {
        List<Integer> copy = new ArrayList<>(numbers);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void walkingNextYieldsEveryRowOnceNewestFirstWhileNewRowsArrive() {
        List<Integer> original = record(120);   // three pages of 50 and 20
        var browser = street.login(port);

        String first = browser.get("/audit?action=EXPORT").body();
        assertThat(first).contains("共 120 条").doesNotContain("rel=\"prev\"");
        List<Integer> seen = new ArrayList<>(rows(first));
        assertThat(seen).hasSize(50);
        String next = link(NEXT, first);
        assertThat(next).contains("after=").contains("action=EXPORT").doesNotContain("page=");

        List<Integer> newer = record(10);   // exports go on being recorded between page requests
        List<String> pages = new ArrayList<>();
        while (next != null) {
            String page = browser.get(next).body();
            pages.add(page);
            seen.addAll(rows(page));
            next = link(NEXT, page);
        }
        assertThat(pages).hasSize(2);
        assertThat(seen).as("every original row once, newest first, none of the newer")
                .containsExactlyElementsOf(newestFirst(original));

        String back = browser.get(link(PREVIOUS, pages.get(1))).body();
        assertThat(rows(back)).containsExactlyElementsOf(rows(pages.get(0)));
        String top = browser.get("/audit?action=EXPORT").body();
        assertThat(rows(top).subList(0, 10)).containsExactlyElementsOf(newestFirst(newer));

        // The estate's administrator walks only the estate's rows, with the same cursors.
        var admin = estate.admin().login(port);
        String own = admin.get("/audit?action=EXPORT").body();
        List<Integer> estateRows = new ArrayList<>(rows(own));
        estateRows.addAll(rows(admin.get(link(NEXT, own)).body()));
        assertThat(estateRows).hasSize(65).allMatch(n -> n % 2 == 1);
    }

    @Test
    void aLongTrailShowsMoreThanTheCap() {
        record(2);
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, action, actor_id, actor_name, estate_id, scope_path, subject, row_count, masked)
                        SELECT occurred_at - make_interval(secs => g), action, actor_id, actor_name, estate_id, scope_path,
                               subject, row_count, masked
                          FROM audit_log, generate_series(1, 1000) AS g WHERE subject = '键集行 #1'""").update();
        String page = street.login(port).get("/audit?action=EXPORT").body();
        assertThat(page).contains("超过 1,000 条");
        assertThat(rows(page)).hasSize(50).startsWith(2, 1);
    }
}
