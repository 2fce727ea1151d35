package com.estateguard.residents;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The residents register pages by keyset (issue 12 §3): a street user walks two estates' people in register order
 * (estate, building, unit, room) with cursors in the URL, no OFFSET and no exact count over the set.
 */
@IntegrationTest
class ResidentListKeysetTest {

    private static final Pattern ROW = Pattern.compile("href=\"/care/people/(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    ResidentRegister register;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate first;
    TestData.Estate second;
    TestData.Person street;

    @BeforeEach
    void aStreetWithTwoEstates() {
        RegionRef city = tree.city(PolicyPreset.BEIJING_2022);
        RegionRef streetRegion = tree.region(tree.region(city, RegionLevel.DISTRICT), RegionLevel.STREET);
        long company = tree.company(null);
        var one = tree.estate(tree.region(streetRegion, RegionLevel.COMMUNITY), company);
        var two = tree.estate(tree.region(streetRegion, RegionLevel.COMMUNITY), company);
        // Register order starts with the estate's name, as the database orders names.
        long firstId = jdbc.sql("SELECT id FROM org_estate WHERE id IN (:a, :b) ORDER BY name, id LIMIT 1")
                .param("a", one.id()).param("b", two.id()).query(Long.class).single();
        first = firstId == one.id() ? one : two;
        second = firstId == one.id() ? two : one;
        street = tree.authority(Role.STREET_AUTHORITY, streetRegion);
    }

    /** Adds people to an estate, two to a room, building by building; returns their ids in register order. */
    private List<Long> add(TestData.Estate estate, String building, int rooms, String name) {
        List<Long> ids = new ArrayList<>();
        for (int room = 1; room <= rooms; room++) {
            for (int n = 0; n < 2; n++) {
                ids.add(register.add(estate.id(), new ResidentLine(building, "1", String.valueOf(100 + room), name + room + n,
                        n == 0 ? PersonKind.OWNER : PersonKind.TENANT, "", Fixtures.newIdNumber(), false, false), estate.admin().user()));
            }
        }
        return ids;
    }

    private static List<Long> rows(String page) {
        return KeysetLinks.ids(ROW, page);
    }

    @Test
    void walkingNextYieldsEveryPersonOnceInRegisterOrderWhilePeopleAreAdded() {
        // Register order: the estates by name, then building, unit, room.
        List<Long> original = new ArrayList<>(add(first, "1", 10, "甲"));   // 20 people
        original.addAll(add(second, "1", 8, "乙"));                         // 16
        original.addAll(add(second, "2", 8, "丙"));                         // 16: 52 in all, three pages of 25
        var browser = street.login(port);

        String top = browser.get("/residents").body();
        assertThat(top).contains("共 52 条").doesNotContain("rel=\"prev\"");
        List<Long> seen = new ArrayList<>(rows(top));
        assertThat(seen).hasSize(25);
        String next = link(NEXT, top);
        assertThat(next).contains("after=").doesNotContain("page=");

        // People are registered between page requests: in the first estate (above the cursor) and in building 3 of the second (below).
        List<Long> above = add(first, "1", 1, "丁");
        List<Long> below = add(second, "3", 1, "戊");
        List<String> pages = new ArrayList<>();
        while (next != null) {
            String page = browser.get(next).body();
            pages.add(page);
            seen.addAll(rows(page));
            next = link(NEXT, page);
        }

        assertThat(new LinkedHashSet<>(seen)).as("no one twice").hasSameSizeAs(seen);
        assertThat(seen).as("every original person once, in register order, and the new ones below the cursor after them")
                .containsExactlyElementsOf(concat(original, below));
        assertThat(seen).doesNotContainAnyElementsOf(above);

        // Previous from the last page gives back the middle page as it was read.
        String back = browser.get(link(PREVIOUS, pages.get(pages.size() - 1))).body();
        assertThat(rows(back)).containsExactlyElementsOf(rows(pages.get(pages.size() - 2)));
    }

    @Test
    void theCursorsKeepTheFiltersAndALargeRegisterShowsMoreThanTheCap() {
        add(first, "1", 20, "甲");   // 20 owners, 20 tenants
        var browser = first.admin().login(port);
        String owners = browser.get("/residents?kind=OWNER&estate=" + first.id()).body();
        assertThat(owners).contains("共 20 条");
        assertThat(rows(owners)).hasSize(20);
        assertThat(link(NEXT, owners)).isNull();
        String all = browser.get("/residents").body();
        String next = link(NEXT, all);
        assertThat(next).contains("after=");
        String withKind = browser.get("/residents?kind=TENANT").body();
        assertThat(link(NEXT, withKind)).isNull();
        assertThat(rows(withKind)).hasSize(20);

        // A search is paged the same way, the text kept in the cursor's link.
        String searched = browser.get("/residents?q=" + java.net.URLEncoder.encode("甲", java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(searched).contains("共 40 条");
        String more = link(NEXT, searched);
        assertThat(more).contains("after=").contains("q=");
        List<Long> found = new ArrayList<>(rows(searched));
        found.addAll(rows(browser.get(more).body()));
        assertThat(found).hasSize(40).doesNotHaveDuplicates();

        // Copied in SQL, the register passes 1,000 people: the count stops at the cap.
        jdbc.sql("""
                        INSERT INTO res_person (estate_id, household_id, name, kind, phone, person_key, id_cipher, id_masked, created_by)
                        SELECT estate_id, household_id, name, kind, phone, person_key || '-' || g, id_cipher, id_masked, created_by
                          FROM res_person, generate_series(1, 30) AS g WHERE estate_id = :e""")
                .param("e", first.id()).update();
        String big = browser.get("/residents").body();
        assertThat(big).contains("超过 1,000 条").doesNotContain("共 1,");
        assertThat(rows(big)).hasSize(25);
        assertThat(browser.get("/residents?lang=en").body()).contains("more than 1,000 rows");
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
