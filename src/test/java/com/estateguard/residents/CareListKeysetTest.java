package com.estateguard.residents;

import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.KeysetLinks;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.Care;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The care page's two lists page by keyset, each with cursors of its own (issue 12 §3): the special groups most recently
 * marked first, today's home isolations soonest to end first; people marked or isolated while the staff page through
 * never repeat or hide another; a region kept across pages, and never another street's people.
 */
@IntegrationTest
class CareListKeysetTest {

    private static final Pattern SPECIAL = Pattern.compile("id=\"special-(\\d+)\"");
    private static final Pattern ISOLATION = Pattern.compile("id=\"isolation-(\\d+)\"");
    private static final Pattern NEXT_SPECIALS = Pattern.compile("<a rel=\"next\" href=\"([^\"]*specialsAfter=[^\"]*)\"");
    private static final Pattern NEXT_ISOLATIONS = Pattern.compile("<a rel=\"next\" href=\"([^\"]*isolationsAfter=[^\"]*)\"");
    private static final Pattern PREVIOUS_SPECIALS = Pattern.compile("<a rel=\"prev\" href=\"([^\"]*specialsBefore=[^\"]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    ResidentRegister register;
    @Autowired
    Care care;

    TestData.Estate estate;
    LocalDate today;

    @BeforeEach
    void anEstate() {
        clock.setToday(9, 0);
        today = clock.today();
        estate = data.estate(PolicyPreset.BEIJING_2022);
    }

    private List<Long> people(TestData.Estate at, int n, String room) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(register.add(at.id(), new ResidentLine("3", "1", room, "关怀" + room + "-" + i, PersonKind.OWNER, "",
                    Fixtures.newIdNumber(), false, false), at.admin().user()));
        }
        return ids;
    }

    /** Marks each person elderly living alone; the marks' ids in order. */
    private List<Long> marked(List<Long> people, TestData.Estate at) {
        for (long person : people) {
            care.mark(person, Care.Group.ELDERLY_ALONE, "网格员 李梅", at.admin().user());
        }
        return specials(people);
    }

    private List<Long> specials(List<Long> people) {
        List<Long> ids = new ArrayList<>();
        people.forEach(p -> ids.add(care.specials(estate.regionPath(), null, null, 1_000).rows().stream()
                .filter(s -> s.personId() == p).findFirst().orElseThrow().id()));
        return ids;
    }

    private static List<Long> newestFirst(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void theSpecialGroupsPageByKeysetWhileMorePeopleAreMarked() {
        List<Long> original = marked(people(estate, 30, "101"), estate);
        var admin = estate.admin().login(port);

        String first = admin.get("/care").body();
        assertThat(KeysetLinks.ids(SPECIAL, first)).hasSize(25);
        String next = link(NEXT_SPECIALS, first);
        assertThat(next).contains("estate=" + estate.id()).doesNotContain("page=");

        List<Long> newer = marked(people(estate, 5, "102"), estate);
        String second = admin.get(next).body();
        List<Long> seen = new ArrayList<>(KeysetLinks.ids(SPECIAL, first));
        seen.addAll(KeysetLinks.ids(SPECIAL, second));
        assertThat(link(NEXT_SPECIALS, second)).isNull();
        assertThat(seen).as("every marked person once, most recently marked first, none of the newer")
                .containsExactlyElementsOf(newestFirst(original)).doesNotContainAnyElementsOf(newer);
        assertThat(second).contains("共 35 条");
        assertThat(KeysetLinks.ids(SPECIAL, admin.get(link(PREVIOUS_SPECIALS, second)).body()))
                .containsExactlyElementsOf(KeysetLinks.ids(SPECIAL, first));
    }

    @Test
    void todaysIsolationsPageSoonestToEndFirstForARegion() {
        List<Long> people = people(estate, 30, "201");
        List<Long> isolations = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {   // ending over the next 30 days, one a day
            isolations.add(care.isolate(people.get(i), today.minusDays(1), today.plusDays(i), "密接居家", estate.admin().user()));
        }
        TestData.Estate elsewhere = data.estate(PolicyPreset.BEIJING_2022);
        long there = care.isolate(people(elsewhere, 1, "301").get(0), today, today.plusDays(3), "密接居家", elsewhere.admin().user());
        var street = data.authority(estate, Role.STREET_AUTHORITY).login(port);

        String first = street.get("/care?region=" + estate.regions().street()).body();
        assertThat(first).contains("共 30 条").contains("区域：");
        String next = link(NEXT_ISOLATIONS, first);
        assertThat(next).contains("region=" + estate.regions().street());
        List<Long> more = people(estate, 2, "202");
        long endsLast = care.isolate(more.get(0), today, today.plusDays(40), "密接居家", estate.admin().user());    // below the cursor
        long endsFirst = care.isolate(more.get(1), today, today, "密接居家", estate.admin().user());               // above it
        List<Long> seen = new ArrayList<>(KeysetLinks.ids(ISOLATION, first));
        seen.addAll(KeysetLinks.ids(ISOLATION, street.get(next).body()));

        List<Long> expected = new ArrayList<>(isolations);
        expected.add(endsLast);
        assertThat(seen).as("soonest to end first, once each, the one ending later than all after them")
                .containsExactlyElementsOf(expected).doesNotContain(there, endsFirst);
    }
}
