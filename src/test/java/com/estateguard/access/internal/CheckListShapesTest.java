package com.estateguard.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.Verdict;
import com.estateguard.common.SearchTooBroad;
import com.estateguard.org.EntranceKind;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.ReasonCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check list reads a small scope estate by estate and a large one along the records' time index (issue 12 §3,
 * {@link CheckQueries#PER_ESTATE_MAX}). Both shapes must page the same rows in the same order, forwards and back, with
 * the filters; and a search that would run too long is stopped with {@link SearchTooBroad}.
 */
@IntegrationTest
class CheckListShapesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    OrgDirectory org;
    @Autowired
    CheckRepository checks;
    @Autowired
    CheckQueries queries;
    @Autowired
    TransactionTemplate tx;

    TestData.Estate first;
    String street;
    Instant from;
    Instant to;

    @BeforeEach
    void twoEstatesOfOneStreetWithInterleavedChecks() {
        clock.setToday(9, 0);
        first = data.estate(PolicyPreset.BEIJING_2022);
        long company = org.createCompany(null, "测试物业二" + UUID.randomUUID(), "test");
        long second = org.createEstate(new OrgDirectory.EstateForm("同街道第二小区" + UUID.randomUUID(), first.regions().community(),
                company, new BigDecimal("1000"), "同街道路2号", "经理", "管理员", "观察点"), "test");
        long gate = org.createEntrance(new EstateId(second), "东门", EntranceKind.MIXED, true, "test");
        var response = first.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"测试居民",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":null,"answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), first.southGate()));
        assertThat(response.status()).isEqualTo(201);
        long one = Long.parseLong(response.body().replaceAll(".*\"checkId\":(\\d+).*", "$1"));
        // 60 records in each estate over the last hour, many sharing an instant within and across the estates, a
        // third of them visitors and every seventh refused, so that ties and filters both matter.
        for (long[] estate : new long[][] {{first.id(), first.southGate()}, {second, gate}}) {
            jdbc.sql("""
                            INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                                   evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                            SELECT gen_random_uuid(), :estate, :entrance, c.occurred_at - make_interval(secs => (g / 3) * 20),
                                   c.direction, CASE WHEN g % 3 = 0 THEN 'VISITOR' ELSE 'RESIDENT' END, '测试居民' || g,
                                   c.evidence, CASE WHEN g % 7 = 0 THEN 'REFUSE' ELSE 'ALLOW' END, c.reason_codes, c.reasons,
                                   c.policy_version_id, c.created_by
                              FROM access_check c, generate_series(1, 60) AS g WHERE c.id = :id""")
                    .param("estate", estate[0]).param("entrance", estate[1]).param("id", one).update();
        }
        street = org.region(new RegionId(first.regions().street())).orElseThrow().path();
        from = clock.instant().minus(Duration.ofHours(3));
        to = clock.instant().plus(Duration.ofHours(1));
    }

    private List<Long> walk(CheckFilter filter, boolean perEstate, int size) {
        return walk(filter, perEstate, false, size);
    }

    private List<Long> walk(CheckFilter filter, boolean perEstate, boolean countPerEstate, int size) {
        return tx.execute(status -> {
            List<Long> ids = new ArrayList<>();
            CheckPage page = checks.page(filter, street, perEstate, countPerEstate, null, null, size);
            ids.addAll(page.rows().stream().map(CheckRow::id).toList());
            while (page.next() != null) {
                page = checks.page(filter, street, perEstate, countPerEstate, page.next(), null, size);
                ids.addAll(page.rows().stream().map(CheckRow::id).toList());
            }
            // And back again from the last page: the same pages in reverse order.
            List<Long> back = new ArrayList<>(page.rows().stream().map(CheckRow::id).toList());
            while (page.previous() != null) {
                page = checks.page(filter, street, perEstate, countPerEstate, null, page.previous(), size);
                back.addAll(0, page.rows().stream().map(CheckRow::id).toList());
            }
            assertThat(back).as("walked back").isEqualTo(ids);
            return ids;
        });
    }

    private List<Long> expected(String extra) {
        return jdbc.sql("SELECT id FROM access_check WHERE estate_id IN (SELECT id FROM org_estate WHERE region_path LIKE :street || '%')"
                        + " AND occurred_at >= :from AND occurred_at < :to" + extra + " ORDER BY occurred_at DESC, id DESC")
                .param("street", street).param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .query(Long.class).list();
    }

    @Test
    void bothShapesPageTheSameRowsInTheSameOrder() {
        var all = new CheckFilter(from, to, null, null, null, null, null, null, null);
        List<Long> expected = expected("");
        assertThat(expected).hasSize(121);
        assertThat(walk(all, true, 7)).isEqualTo(expected);
        assertThat(walk(all, false, 7)).isEqualTo(expected);
    }

    @Test
    void bothShapesKeepTheFilters() {
        var refusedVisitors = new CheckFilter(from, to, null, null, EntrantCategory.VISITOR, Verdict.REFUSE, null, null, null);
        List<Long> expected = expected(" AND category = 'VISITOR' AND decision = 'REFUSE'");
        assertThat(expected).isNotEmpty();
        assertThat(walk(refusedVisitors, true, 2)).isEqualTo(expected);
        assertThat(walk(refusedVisitors, false, 2)).isEqualTo(expected);
        var named = new CheckFilter(from, to, null, null, null, null, null, null, "测试居民1");
        assertThat(walk(named, true, 5)).isEqualTo(walk(named, false, 5)).hasSize(expected(" AND person_name LIKE '测试居民1%'").size());
    }

    @Test
    void aReasonFindsEveryRecordHoldingItWhateverItsVerdictInBothShapes() {
        // A reason that refers is held by referrals and by refusals (another reason refused); one that refuses only by
        // refusals. The list looks for a reason among those verdicts (V202's note): the same rows as the reason alone.
        jdbc.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                               evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                        SELECT gen_random_uuid(), c.estate_id, c.entrance_id, c.occurred_at - make_interval(secs => g * 30 + 7),
                               c.direction, c.category, '原因' || g, c.evidence,
                               CASE g % 3 WHEN 0 THEN 'REFER' ELSE 'REFUSE' END,
                               CASE g % 3 WHEN 0 THEN ARRAY['TRAVEL_CODE_STARRED'] WHEN 1 THEN ARRAY['FEVER']
                                          ELSE ARRAY['FEVER', 'TRAVEL_CODE_STARRED'] END,
                               c.reasons, c.policy_version_id, c.created_by
                          FROM access_check c, generate_series(1, 12) AS g
                         WHERE c.id = (SELECT min(id) FROM access_check WHERE estate_id = :estate)""")
                .param("estate", first.id()).update();
        var referred = new CheckFilter(from, to, null, null, null, null, ReasonCode.TRAVEL_CODE_STARRED, null, null);
        List<Long> expected = expected(" AND 'TRAVEL_CODE_STARRED' = ANY(reason_codes)");
        assertThat(jdbc.sql("SELECT count(DISTINCT decision) FROM access_check WHERE 'TRAVEL_CODE_STARRED' = ANY(reason_codes)"
                + " AND estate_id = :estate").param("estate", first.id()).query(Long.class).single()).as("referred and refused").isEqualTo(2);
        assertThat(expected).hasSize(8);
        assertThat(walk(referred, true, 3)).isEqualTo(expected);
        assertThat(walk(referred, false, 3)).isEqualTo(expected);
        var fever = new CheckFilter(from, to, null, null, null, null, ReasonCode.FEVER, null, null);
        expected = expected(" AND 'FEVER' = ANY(reason_codes)");
        assertThat(expected).hasSize(8);
        assertThat(walk(fever, true, 3)).isEqualTo(expected);
        assertThat(walk(fever, false, 3)).isEqualTo(expected);
    }

    @Test
    void anEntranceAloneIsReadWithinItsEstate() {
        var streetUser = data.authority(first, com.estateguard.common.Role.STREET_AUTHORITY).user();
        var atSouthGate = new CheckFilter(from, to, null, first.southGate(), null, null, null, null, null);
        List<Long> expected = expected(" AND entrance_id = " + first.southGate());
        assertThat(expected).hasSize(61);
        List<Long> ids = new ArrayList<>();
        CheckPage page = queries.page(atSouthGate, streetUser, null, null, 25);
        ids.addAll(page.rows().stream().map(CheckRow::id).toList());
        while (page.next() != null) {
            page = queries.page(atSouthGate, streetUser, page.next(), null, 25);
            ids.addAll(page.rows().stream().map(CheckRow::id).toList());
        }
        assertThat(ids).isEqualTo(expected);
        assertThat(page.rows()).allSatisfy(r -> assertThat(r.estateId()).isEqualTo(first.id()));
        // Another street's entrance: none of its records for this reader, as before.
        var elsewhere = data.estate(PolicyPreset.BEIJING_2022);
        assertThat(queries.page(new CheckFilter(from, to, null, elsewhere.southGate(), null, null, null, null, null),
                streetUser, null, null, 25).rows()).isEmpty();
    }

    @Test
    void aSearchIsLiteralAndReadsTheSameRowsFromTheTextIndexOrTheTimeIndex() {
        // The text is matched literally: % and _ are not wildcards.
        var wildcard = new CheckFilter(from, to, null, null, null, null, null, null, "测试居民%");
        assertThat(walk(wildcard, true, 5)).isEmpty();
        assertThat(walk(wildcard, false, 5)).isEmpty();
        assertThat(walk(new CheckFilter(from, to, null, null, null, null, null, null, "测试_民"), false, 5)).isEmpty();
        // Read from the text index (few matches) and from the time index (more than the count shows): the same rows.
        var few = new CheckFilter(from, to, null, null, null, null, null, null, "居民4");
        assertThat(walk(few, false, 3)).isEqualTo(expected(" AND person_name LIKE '%居民4%'")).isNotEmpty();
        // The filters apply to the text index's candidates, and the count is theirs.
        var refusedVisitors = new CheckFilter(from, to, null, null, EntrantCategory.VISITOR, Verdict.REFUSE, null, null, "测试居民");
        List<Long> filtered = expected(" AND person_name LIKE '测试居民%' AND category = 'VISITOR' AND decision = 'REFUSE'");
        assertThat(walk(refusedVisitors, false, 2)).isEqualTo(filtered).hasSizeGreaterThan(2);
        tx.executeWithoutResult(status -> assertThat(checks.page(refusedVisitors, street, false, null, null, 2).counted())
                .isEqualTo(filtered.size()));
        addCommonNames();
        var many = new CheckFilter(from, to, null, null, null, null, null, null, "常见姓名");
        List<Long> expected = expected(" AND person_name LIKE '常见姓名%'");
        assertThat(expected).hasSize(1100);
        assertThat(walk(many, false, 400)).isEqualTo(expected);                 // 1,100 candidates: the text index
        assertThat(walk(many, true, 400)).isEqualTo(expected);
        tx.executeWithoutResult(status -> assertThat(checks.page(many, street, false, null, null, 25).more()).isTrue());
        int limit = checks.textIndexMax();
        checks.textIndexMax(1_000);                                              // more candidates than that: the walk
        try {
            assertThat(walk(many, false, 400)).isEqualTo(expected);
            tx.executeWithoutResult(status -> assertThat(checks.page(many, street, false, null, null, 25).more()).isTrue());
        } finally {
            checks.textIndexMax(limit);
        }
        // One character is never read from the text index: the time index's walk, the same rows.
        var oneCharacter = new CheckFilter(from, to, null, null, null, null, null, null, "常");
        assertThat(walk(oneCharacter, false, 400)).isEqualTo(expected(" AND person_name LIKE '%常%'")).hasSize(1100);
        var fewOfMany = new CheckFilter(from, to, null, null, null, null, null, null, "常见姓名1");
        assertThat(walk(fewOfMany, false, 100)).isEqualTo(expected(" AND person_name = '常见姓名1'")).hasSize(367);
    }

    @Test
    void aOneCharacterSearchCountedEstateByEstateHasThePlainQuerysRowsAndCount() {
        // A district's one-character search walks the time index for its page and counts estate by estate (CheckQueries
        // PER_ESTATE_COUNT_MAX): the rows and the count are a plain query's, with filters, and the count stops at the cap.
        var oneCharacter = new CheckFilter(from, to, null, null, null, null, null, null, "民");
        List<Long> expected = expected(" AND person_name LIKE '%民%'");
        assertThat(expected).hasSize(121);
        assertThat(walk(oneCharacter, false, true, 7)).isEqualTo(expected);
        var refusedVisitors = new CheckFilter(from, to, null, null, EntrantCategory.VISITOR, Verdict.REFUSE, null, null, "民");
        List<Long> filtered = expected(" AND person_name LIKE '%民%' AND category = 'VISITOR' AND decision = 'REFUSE'");
        assertThat(walk(refusedVisitors, false, true, 2)).isEqualTo(filtered).hasSizeGreaterThan(2);
        tx.executeWithoutResult(status -> {
            assertThat(checks.page(oneCharacter, street, false, true, null, null, 25).counted()).isEqualTo(121);
            assertThat(checks.page(refusedVisitors, street, false, true, null, null, 2).counted()).isEqualTo(filtered.size());
            assertThat(checks.page(new CheckFilter(from, to, null, null, null, null, null, null, "众"), street, false, true,
                    null, null, 25).counted()).isZero();
        });
        addCommonNames();
        var common = new CheckFilter(from, to, null, null, null, null, null, null, "常");
        assertThat(walk(common, false, true, 400)).isEqualTo(expected(" AND person_name LIKE '%常%'")).hasSize(1100);
        tx.executeWithoutResult(status -> {
            CheckPage page = checks.page(common, street, false, true, null, null, 25);
            assertThat(page.more()).isTrue();
            assertThat(page.counted()).isEqualTo(CheckPage.COUNT_CAP);
        });
    }

    @Test
    void theCountStopsAtTheCapInBothShapes() {
        var all = new CheckFilter(from, to, null, null, null, null, null, null, null);
        tx.executeWithoutResult(status -> {
            assertThat(checks.page(all, street, true, null, null, 25).counted()).isEqualTo(121);
            assertThat(checks.page(all, street, false, null, null, 25).counted()).isEqualTo(121);
        });
    }

    @Test
    void aSearchThatRunsTooLongIsStoppedWithAClearReason() {
        // 50,000 more records for the name search to step through: far more than a millisecond's work.
        long one = jdbc.sql("SELECT max(id) FROM access_check WHERE estate_id = :e").param("e", first.id()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                               evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                        SELECT gen_random_uuid(), estate_id, entrance_id, occurred_at - make_interval(secs => g % 3600), direction,
                               category, person_name, evidence, decision, reason_codes, reasons, policy_version_id, created_by
                          FROM access_check, generate_series(1, 50000) AS g WHERE id = :id""").param("id", one).update();
        var admin = data.authority(first, com.estateguard.common.Role.STREET_AUTHORITY).user();
        var nobody = new CheckFilter(from, to, null, null, null, null, null, null, "查无此人");
        Duration before = queries.listTimeout();
        queries.listTimeout(Duration.ofMillis(1));
        try {
            assertThatThrownBy(() -> queries.page(nobody, admin, null, null, 25)).isInstanceOf(SearchTooBroad.class)
                    .hasMessage("lists.tooBroad");
        } finally {
            queries.listTimeout(before);
        }
        assertThat(queries.page(nobody, admin, null, null, 25).rows()).isEmpty();
    }

    /** 1,100 more records of the first estate, named 常见姓名0-2, each a second earlier than the last. */
    private void addCommonNames() {
        long one = jdbc.sql("SELECT max(id) FROM access_check WHERE estate_id = :e").param("e", first.id()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                               evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                        SELECT gen_random_uuid(), estate_id, entrance_id, occurred_at - make_interval(secs => g), direction,
                               category, '常见姓名' || (g % 3), evidence, decision, reason_codes, reasons, policy_version_id, created_by
                          FROM access_check, generate_series(1, 1100) AS g WHERE id = :id""").param("id", one).update();
    }
}
