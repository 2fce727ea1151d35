package com.estateguard.residents;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pass list pages by keyset (issue 12 §3): newest first by id, 25 a page, cursors in the URL and no OFFSET; passes
 * issued while the staff page through arrive above the first page and none repeats or hides another; a region and an
 * estate kept across pages, and never another street's passes.
 */
@IntegrationTest
class PassListKeysetTest {

    private static final Pattern ROW = Pattern.compile("href=\"/passes/(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ResidentRegister register;
    @Autowired
    Passes passes;

    TestData.Estate estate;

    @BeforeEach
    void anEstate() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
    }

    /** n people registered in the estate and given a pass each; the passes' ids in the order issued. */
    private List<Long> issued(TestData.Estate at, int n, String room) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long person = register.add(at.id(), new ResidentLine("1", "1", room, "持证" + room + "-" + i, PersonKind.OWNER, "",
                    Fixtures.newIdNumber(), false, false), at.admin().user());
            ids.add(passes.issue(person, at.admin().user()).id());
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
    void walkingNextYieldsEveryPassOnceWhileNewOnesAreIssued() {
        List<Long> original = issued(estate, 30, "101");
        var admin = estate.admin().login(port);

        String first = admin.get("/passes").body();
        assertThat(first).contains("共 30 条").doesNotContain("rel=\"prev\"");
        assertThat(rows(first)).hasSize(25);
        String next = link(NEXT, first);
        assertThat(next).contains("after=").contains("estate=" + estate.id()).doesNotContain("page=");

        List<Long> newer = issued(estate, 5, "102");
        String second = admin.get(next).body();
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(second));
        assertThat(link(NEXT, second)).isNull();
        assertThat(seen).as("every original pass once, newest first, none of the newer")
                .containsExactlyElementsOf(newestFirst(original)).doesNotContainAnyElementsOf(newer);
        assertThat(rows(admin.get(link(PREVIOUS, second)).body())).containsExactlyElementsOf(rows(first));
        assertThat(rows(admin.get("/passes").body())).startsWith(newestFirst(newer).toArray(Long[]::new));
    }

    @Test
    void aStreetNarrowedToAnEstateOrARegionPagesOnlyItsPasses() {
        List<Long> here = issued(estate, 27, "201");
        TestData.Estate elsewhere = data.estate(PolicyPreset.BEIJING_2022);
        List<Long> there = issued(elsewhere, 2, "301");
        var street = data.authority(estate, Role.STREET_AUTHORITY).login(port);

        String first = street.get("/passes?region=" + estate.regions().community()).body();
        assertThat(first).contains("共 27 条");
        String next = link(NEXT, first);
        assertThat(next).contains("region=" + estate.regions().community());
        List<Long> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(street.get(next).body()));
        assertThat(seen).containsExactlyElementsOf(newestFirst(here)).doesNotContainAnyElementsOf(there);
        assertThat(rows(street.get("/passes?estate=" + estate.id()).body())).hasSize(25);
        assertThat(street.get("/passes?estate=" + elsewhere.id()).status()).isEqualTo(404);
    }
}
