package com.estateguard;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.identity.Users;
import com.estateguard.org.CompanyId;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What the ledger tests (staff health, supplies, hygiene, daily report, notices) need around an
 * estate of {@link TestData}'s: the ids of its company, street and district, more people of the
 * estate's roles (a second guard, a cleaner, a resident, a project manager), the company's head, the
 * authorities of its street and district, and its buildings. All through the modules' own APIs, so a
 * ledger test reads no demo row and no other test's rows. Passwords are {@link TestData#PASSWORD}.
 */
@Component
public class LedgersTestData {

    private static final String BY = "test-data";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestData data;
    private final OrgDirectory org;
    private final Users users;
    private String passwordHash;

    LedgersTestData(TestData data, OrgDirectory org, Users users) {
        this.data = data;
        this.org = org;
        this.users = users;
    }

    /** An estate of the test's own (see {@link TestData#estate}) with where it sits in the trees. */
    public Site site(PolicyPreset preset) {
        TestData.Estate estate = data.estate(preset);
        EstateRef ref = org.estate(new EstateId(estate.id()), "R/").orElseThrow();
        RegionRef community = org.region(new RegionId(ref.regionId())).orElseThrow();
        RegionRef street = org.region(new RegionId(community.parentId())).orElseThrow();
        return new Site(estate, ref.companyId(), street.id(), street.parentId());
    }

    /** Someone of an estate role (guard, cleaner, resident, project manager, administrator), named "estate title". */
    public TestData.Person member(Site site, Role role, String title) {
        return create(site.name() + " " + title, role, null, null, site.id(), site.estate().regionPath());
    }

    /** A street, district or city authority (or the association) over the given region. */
    public TestData.Person authority(Role role, long region, String title) {
        RegionRef ref = org.region(new RegionId(region)).orElseThrow();
        return create(ref.name() + " " + title, role, region, null, null, ref.path());
    }

    /** The head of the site's property company. */
    public TestData.Person companyHead(Site site) {
        String path = org.company(new CompanyId(site.companyId())).orElseThrow().path();
        return create(site.name() + " 物业公司负责人", Role.COMPANY_HEAD, null, site.companyId(), null, path);
    }

    /** Buildings "1号楼" to "n号楼": notices and screenings name one of the estate's buildings. */
    public void buildings(Site site, int count) {
        for (int b = 1; b <= count; b++) {
            org.createBuilding(new EstateId(site.id()), b + "号楼", BY);
        }
    }

    /** A login anchored where its role needs, seen by the services with the scope the login would get. */
    private TestData.Person create(String displayName, Role role, Long region, Long company, Long estate, String scope) {
        String username = username(role);
        long id = users.createSeeded(new Users.NewUser(username, TestData.PASSWORD, displayName, role, region, company, estate, null),
                hash(), BY);
        return new TestData.Person(id, username, new CurrentUser(id, username, displayName, role, scope, estate, null));
    }

    private static String username(Role role) {
        return "l" + role.name().toLowerCase().replace("_", "").substring(0, 5) + SEQUENCE.incrementAndGet()
                + "x" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000));
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = users.hash(TestData.PASSWORD);
        }
        return passwordHash;
    }

    /** An estate built for one test, with its company and the regions above it. */
    public record Site(TestData.Estate estate, long companyId, long streetId, long districtId) {

        public long id() {
            return estate.id();
        }

        public String name() {
            return estate.name();
        }

        /** The estate's prevention administrator (防疫管理员), leader of its shift at the south gate. */
        public TestData.Person admin() {
            return estate.admin();
        }

        /** The estate's guard, on the shift at the south gate from yesterday to tomorrow. */
        public TestData.Person guard() {
            return estate.guard();
        }
    }
}
