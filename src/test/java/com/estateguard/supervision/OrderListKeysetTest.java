package com.estateguard.supervision;

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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rectification orders list by keyset (issue 12 §3): soonest due first by (due at, id), every order once while
 * another is issued meanwhile (due at the same moment: ties broken by id), the filter kept across pages, the counts of
 * overdue, due and answered orders from one statement, and not another street's orders.
 */
@IntegrationTest
class OrderListKeysetTest {

    private static final Pattern ROW = Pattern.compile("<tr data-order=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    OrderTestData inspections;
    @Autowired
    TestClock clock;

    @Test
    void everyOrderOnceSoonestDueFirst() {
        clock.setLocal(LocalDateTime.of(2026, 9, 30, 10, 0));
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var other = data.estate(PolicyPreset.HUACHUAN_2021);
        var street = data.authority(estate, Role.STREET_AUTHORITY);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(inspections.orderOf(inspections.unqualified(estate.id(), street.user())));
        }
        long elsewhere = inspections.orderOf(inspections.unqualified(other.id(), data.authority(other, Role.STREET_AUTHORITY).user()));
        var browser = street.login(port);

        String first = browser.get("/supervision/orders?size=5").body();
        assertThat(rows(first)).hasSize(5);
        assertThat(first).contains("共 12 条").containsPattern("id=\"count-due\"[^>]*>12<").doesNotContain("rel=\"prev\"");
        long late = inspections.orderOf(inspections.unqualified(estate.id(), street.user()));   // due with the others, a higher id
        List<Long> seen = new ArrayList<>(rows(first));
        String page = first;
        while (link(NEXT, page) != null) {
            assertThat(link(NEXT, page)).contains("size=5").contains("filter=OPEN");
            page = browser.get(link(NEXT, page)).body();
            seen.addAll(rows(page));
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(orders).contains(late).doesNotContain(elsewhere).hasSize(13);
        assertThat(rows(browser.get(link(PREVIOUS, page)).body())).hasSize(5).doesNotContainAnyElementsOf(rows(page));
        assertThat(browser.get("/supervision/orders?filter=OVERDUE").body()).contains("id=\"no-orders\"");
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }
}
