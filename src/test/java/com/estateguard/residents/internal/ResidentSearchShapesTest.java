package com.estateguard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.KeysetPage;
import com.estateguard.common.Role;
import com.estateguard.common.SearchTooBroad;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A search of a district's or a city's register ("wide", more estates than {@link ResidentRegister#WIDE_SCOPE}) reads
 * its matches from indexes, or walks the estates when the candidates are many (issue 12 §3). Whichever shape it takes,
 * it pages the same people in the same register order as the search of a small scope, forwards and back, with the
 * kind filter; the search text is taken literally (a % is not a wildcard); and a search that would run past the list's
 * time limit is stopped with {@link SearchTooBroad}.
 */
@IntegrationTest
class ResidentSearchShapesTest {

    @Autowired
    TestTree tree;
    @Autowired
    ResidentRegister register;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    TestData.Estate first;
    TestData.Estate second;
    CurrentUser street;
    String stem;
    String phoneStem;
    List<String> idNumbers = new ArrayList<>();

    @BeforeEach
    void twoEstatesOfAStreetWithPeopleSharingARareName() {
        RegionRef city = tree.city(PolicyPreset.BEIJING_2022);
        RegionRef streetRegion = tree.region(tree.region(city, RegionLevel.DISTRICT), RegionLevel.STREET);
        long company = tree.company(null);
        first = tree.estate(tree.region(streetRegion, RegionLevel.COMMUNITY), company);
        second = tree.estate(tree.region(streetRegion, RegionLevel.COMMUNITY), company);
        street = tree.authority(Role.STREET_AUTHORITY, streetRegion).user();
        // Two characters no other test's people are likely to share, and a phone prefix of this test's own.
        var random = ThreadLocalRandom.current();
        stem = "" + (char) random.nextInt(0x5000, 0x9000) + (char) random.nextInt(0x5000, 0x9000);
        phoneStem = "13" + random.nextInt(10_000_000, 99_999_999);
        int n = 0;
        for (var estate : List.of(first, second)) {
            for (int room = 1; room <= 4; room++) {
                String name = room % 2 == 0 ? stem + "明" : "欧" + stem;
                String id = Fixtures.newIdNumber();
                idNumbers.add(id);
                register.add(estate.id(), new ResidentLine("1", "1", String.valueOf(100 + room), name,
                        room <= 2 ? PersonKind.OWNER : PersonKind.TENANT, phoneStem + (n++ % 10), id, false, false), estate.admin().user());
            }
            register.add(estate.id(), new ResidentLine("2", "1", "301", "不相干", PersonKind.OWNER, "", Fixtures.newIdNumber(), false, false),
                    estate.admin().user());
        }
    }

    @Test
    void theWideShapesPageTheSamePeopleAsTheSmallScopeSearch() {
        for (String q : List.of(stem, stem.substring(0, 1), stem + "明", "欧" + stem, phoneStem, idNumbers.get(6))) {
            for (PersonKind kind : new PersonKind[] {null, PersonKind.TENANT}) {
                List<Long> small = walk((after, before) -> register.page(null, q, kind, street, after, before, 3));
                List<Long> sortedFromIndexes = walk((after, before) -> register.readWide(q, kind, street, after, before, 3, 1000));
                List<Long> walkedByEstate = walk((after, before) -> register.readWide(q, kind, street, after, before, 3, 0));
                assertThat(small).as("matches of %s, %s", q, kind).isNotEmpty();
                assertThat(sortedFromIndexes).as("sorted from the indexes: %s, %s", q, kind).containsExactlyElementsOf(small);
                assertThat(walkedByEstate).as("walked estate by estate: %s, %s", q, kind).containsExactlyElementsOf(small);
            }
        }
        assertThat(walk((after, before) -> register.page(null, stem, null, street, after, before, 3))).hasSize(8);
        assertThat(walk((after, before) -> register.page(null, stem, PersonKind.TENANT, street, after, before, 3))).hasSize(4);
        assertThat(walk((after, before) -> register.page(null, idNumbers.get(6), null, street, after, before, 3))).hasSize(1);

        // Counted the same way in both shapes.
        assertThat(register.readWide(stem, null, street, null, null, 3, 1000).counted()).isEqualTo(8);
        assertThat(register.readWide(stem, null, street, null, null, 3, 0).counted()).isEqualTo(8);
    }

    @Test
    void theSearchTextIsLiteralAndAnAddressIsSearchedOnlyInASmallScope() {
        for (int sortMax : new int[] {1000, 0}) {
            assertThat(register.readWide(stem + "%", null, street, null, null, 25, sortMax).rows()).as("%% is not a wildcard").isEmpty();
            assertThat(register.readWide(stem.charAt(0) + "_", null, street, null, null, 25, sortMax).rows()).as("_ is not a wildcard").isEmpty();
        }
        assertThat(register.page(null, stem + "%", null, street, null, null, 25).rows()).isEmpty();
        // 2-1-301 is in both estates: found by a street's search, which reads addresses; a wide one does not.
        assertThat(register.page(null, "2-1-301", null, street, null, null, 25).rows()).extracting(ResidentRow::name)
                .containsExactly("不相干", "不相干");
        assertThat(register.readWide("2-1-301", null, street, null, null, 25, 1000).rows()).isEmpty();
        assertThat(register.searchesWide(null, street)).as("a street of two estates is not wide").isFalse();
        assertThat(register.searchesWide(first.id(), first.admin().user())).isFalse();
    }

    @Test
    void aSearchPastTheTimeLimitIsStoppedWithAClearReason() throws Exception {
        // Another transaction holds the register locked: the search waits, and the wait counts against its limit.
        var locked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var holder = java.util.concurrent.Executors.newSingleThreadExecutor();
        Duration before = register.listTimeout();
        try {
            var held = holder.submit(() -> tx.executeWithoutResult(status -> {
                jdbc.sql("LOCK TABLE res_person IN ACCESS EXCLUSIVE MODE").update();
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            register.listTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> register.page(null, stem, null, street, null, null, 25))
                    .isInstanceOf(SearchTooBroad.class).hasMessage("lists.tooBroad");
            release.countDown();
            held.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            holder.shutdown();
            register.listTimeout(before);
        }
        assertThat(register.page(null, stem, null, street, null, null, 25).rows()).hasSize(8);
    }

    private interface Reader {
        KeysetPage<ResidentRow> read(String after, String before);
    }

    /** Every row, page by page forwards; then the same pages read backwards from the last one must give them again. */
    private static List<Long> walk(Reader reader) {
        List<List<Long>> pages = new ArrayList<>();
        List<String> befores = new ArrayList<>();
        KeysetPage<ResidentRow> page = reader.read(null, null);
        pages.add(ids(page));
        while (page.next() != null) {
            page = reader.read(page.next(), null);
            pages.add(ids(page));
            befores.add(page.previous());
        }
        for (int i = befores.size() - 1; i >= 0; i--) {
            assertThat(ids(reader.read(null, befores.get(i)))).as("page %d read backwards", i).containsExactlyElementsOf(pages.get(i));
        }
        return pages.stream().flatMap(List::stream).toList();
    }

    private static List<Long> ids(KeysetPage<ResidentRow> page) {
        return page.rows().stream().map(ResidentRow::id).toList();
    }
}
