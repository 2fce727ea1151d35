package com.estateguard.identity;

import static com.estateguard.KeysetLinks.NEXT;
import static com.estateguard.KeysetLinks.PREVIOUS;
import static com.estateguard.KeysetLinks.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The users list of a street (issue 12 §3): 30 accounts a page by keyset, every account once while accounts are added
 * meanwhile, the search and role kept across pages, the count stopped at 1,000, never an account of another street.
 */
@IntegrationTest
class UserListKeysetTest {

    private static final Pattern ROW = Pattern.compile("<td>(tree-[a-z_]+-[^<]+)</td>");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate estate;
    TestData.Estate neighbour;
    List<String> guards = new ArrayList<>();
    TestData.Person street;

    @BeforeEach
    void aStreetWithManyAccounts() {
        RegionRef district = tree.region(tree.city(PolicyPreset.BEIJING_2022), RegionLevel.DISTRICT);
        RegionRef streetRegion = tree.region(district, RegionLevel.STREET);
        long company = tree.company(null);
        estate = tree.estate(tree.region(streetRegion, RegionLevel.COMMUNITY), company);
        guards.add(estate.guard().username());
        for (int i = 0; i < 33; i++) {
            guards.add(tree.staff(Role.GUARD, estate.id()).username());
        }
        neighbour = tree.estate(tree.region(tree.region(district, RegionLevel.STREET), RegionLevel.COMMUNITY), company);
        street = tree.authority(Role.STREET_AUTHORITY, streetRegion);
    }

    private static List<String> rows(String page) {
        List<String> names = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyAccountOnceWhileOthersAreAddedAndTheFiltersKept() {
        var browser = street.login(port);
        String first = browser.get("/users").body();
        assertThat(rows(first)).hasSize(30);
        assertThat(first).contains("共 36 条").doesNotContain("rel=\"prev\"");   // 34 guards, the administrator, the street's own
        String added = tree.staff(Role.GUARD, estate.id()).username();
        String second = browser.get(link(NEXT, first)).body();
        List<String> seen = new ArrayList<>(rows(first));
        seen.addAll(rows(second));
        assertThat(seen).doesNotHaveDuplicates().containsAll(guards).contains(estate.admin().username(), street.username())
                .doesNotContain(neighbour.guard().username(), neighbour.admin().username());
        assertThat(rows(browser.get(link(PREVIOUS, second)).body())).hasSize(30).doesNotContainAnyElementsOf(rows(second));

        String onlyGuards = browser.get("/users?role=GUARD&q=tree-guard").body();
        assertThat(onlyGuards).contains("共 35 条");
        String next = link(NEXT, onlyGuards);
        assertThat(next).contains("role=GUARD").contains("q=tree-guard");
        List<String> guardsSeen = new ArrayList<>(rows(onlyGuards));
        guardsSeen.addAll(rows(browser.get(next).body()));
        assertThat(guardsSeen).doesNotHaveDuplicates().containsAll(guards).contains(added).hasSize(35);
    }

    @Test
    void moreThanAThousandAccountsAreNotCountedToTheEnd() {
        jdbc.sql("""
                        INSERT INTO iam_user (username, password_hash, display_name, role, scope_path, estate_id, created_by)
                        SELECT 'bulk-' || :e || '-' || n, 'x', '批量' || n, 'RESIDENT', :path, :e, 'test' FROM generate_series(1, 1000) n""")
                .param("e", estate.id()).param("path", estate.regionPath()).update();
        String page = street.login(port).get("/users").body();
        assertThat(page).contains("超过 1,000 条");
        assertThat(link(NEXT, page)).contains("after=");
    }
}
