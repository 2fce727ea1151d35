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
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inspections list by keyset (issue 12 §3): newest first by (submitted at, id), every inspection once while new ones
 * are submitted meanwhile, even several at the same moment, the filters kept across pages, and not another street's.
 */
@IntegrationTest
class InspectionListKeysetTest {

    private static final Pattern ROW = Pattern.compile("<tr data-id=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    Inspections inspections;
    @Autowired
    JdbcClient jdbc;

    /** {@code n} inspections of the estate, three at each moment (ties broken by id). */
    private void inspected(TestData.Estate estate, int n, boolean qualified) {
        long template = inspections.inUse("HUACHUAN_2021").orElseThrow().value();
        jdbc.sql("""
                        INSERT INTO sup_inspection (template_id, estate_id, kind, inspector_staff_id, inspector_name, submitted_at,
                                                    score, max_score, pass_mark, qualified, items_digest, created_by)
                        SELECT :t, :e, 'SPOT_CHECK', 1, '街道检查员', cast(:at AS timestamptz) - (n / 3) * interval '1 hour', 80, 100, 60, :q, 'test', 'test'
                          FROM generate_series(1, :n) n""")
                .param("t", template).param("e", estate.id()).param("at", Timestamp.from(clock.instant())).param("q", qualified)
                .param("n", n).update();
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }

    @Test
    void everyInspectionOnceNewestFirstWhileOthersAreSubmitted() {
        var estate = data.estate(PolicyPreset.HUACHUAN_2021);
        var other = data.estate(PolicyPreset.HUACHUAN_2021);
        inspected(estate, 25, true);
        inspected(estate, 5, false);
        inspected(other, 3, true);
        List<Long> all = jdbc.sql("SELECT id FROM sup_inspection WHERE estate_id = :e").param("e", estate.id()).query(Long.class).list();
        var street = data.authority(estate, Role.STREET_AUTHORITY).login(port);

        String first = street.get("/supervision/inspections?size=10").body();
        assertThat(rows(first)).hasSize(10);
        assertThat(first).contains("共 30 条").doesNotContain("rel=\"prev\"");
        inspected(estate, 3, true);   // newer than every row seen: not on the following pages
        List<Long> seen = new ArrayList<>(rows(first));
        String page = first;
        for (int i = 0; i < 2; i++) {
            String next = link(NEXT, page);
            assertThat(next).contains("size=10");
            page = street.get(next).body();
            seen.addAll(rows(page));
        }
        assertThat(link(NEXT, page)).isNull();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(rows(street.get(link(PREVIOUS, page)).body())).containsExactlyElementsOf(seen.subList(10, 20));

        String failed = street.get("/supervision/inspections?size=2&qualified=false").body();
        assertThat(failed).contains("共 5 条");
        assertThat(link(NEXT, failed)).contains("qualified=false").contains("size=2");
    }
}
