package com.estateguard;

import com.estateguard.TestData.Estate;
import com.estateguard.TestData.Person;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.identity.Users;
import com.estateguard.identity.internal.DeviceKeyStore;
import com.estateguard.org.CompanyId;
import com.estateguard.org.EntranceKind;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.staff.internal.DutyRoster;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Builds an organisation of the test's own for tests about who sees what, through the modules' own
 * APIs: a city under a policy preset, regions and companies below it, estates equipped like
 * {@link TestData}'s (south gate open, north gate closed, an administrator and a guard on a shift at
 * the south gate from yesterday to tomorrow, a terminal key there), and people anchored at any level.
 * Every name carries a tag of its own, so nothing meets the demo or another test.
 */
@Component
public class TestTree {

    private static final String BY = "test-tree";
    private static final BigDecimal ORDINARY_AREA = new BigDecimal("50000");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrgDirectory org;
    private final Users users;
    private final DeviceKeyStore keys;
    private final DutyRoster roster;
    private final Policies policies;
    private final Clock clock;
    private String passwordHash;

    TestTree(OrgDirectory org, Users users, DeviceKeyStore keys, DutyRoster roster, Policies policies, Clock clock) {
        this.org = org;
        this.users = users;
        this.keys = keys;
        this.roster = roster;
        this.policies = policies;
        this.clock = clock;
    }

    /** A city of its own, whose estates all run the preset (installed from 2020, so in force whatever the clock). */
    public RegionRef city(PolicyPreset preset) {
        RegionRef city = region(org.createRegion(null, RegionLevel.CITY, "测试树市" + tag(), BY));
        policies.install(new Policies.NewVersion(city.name() + "：" + preset.labelZh(), city.path(), city.name(),
                LocalDate.of(2020, 1, 1).atStartOfDay(clock.getZone()).toInstant(), preset.parameters(), null, preset.name()), BY);
        return city;
    }

    /** A district under a city, a street under a district, a community under a street. */
    public RegionRef region(RegionRef parent, RegionLevel level) {
        return region(org.createRegion(parent.id(), level, "测试" + level.name().toLowerCase() + tag(), BY));
    }

    /** A property company, or a branch of one. */
    public long company(Long parent) {
        return org.createCompany(parent, "测试树物业" + tag(), BY);
    }

    public Estate estate(RegionRef community, long company) {
        return estate(community, company, ORDINARY_AREA);
    }

    /** An estate in the community, managed by the company, equipped for the gate. */
    public Estate estate(RegionRef community, long company, BigDecimal areaM2) {
        String name = "测试树小区" + tag();
        long estate = org.createEstate(new OrgDirectory.EstateForm(name, community.id(), company, areaM2, name + "路1号",
                "项目经理", "防疫管理员", name + " 临时观察点"), BY);
        long south = org.createEntrance(new EstateId(estate), "南门", EntranceKind.MIXED, true, BY);
        long north = org.createEntrance(new EstateId(estate), "北门", EntranceKind.PEDESTRIAN, false, BY);
        Person admin = staff(Role.PREVENTION_ADMIN, estate);
        Person guard = staff(Role.GUARD, estate);
        onShift(south, admin, guard);
        String key = keys.issue(south, name + " 南门测温核验一体机（测试）", admin.user()).plainKey();
        return new Estate(estate, name, regionPath(estate), south, north, admin, guard, key, regionsAbove(community));
    }

    /** The community's street, district and city, as TestData records an estate's regions. */
    private TestData.Regions regionsAbove(RegionRef community) {
        RegionRef street = org.region(new RegionId(community.parentId())).orElseThrow();
        RegionRef district = org.region(new RegionId(street.parentId())).orElseThrow();
        return new TestData.Regions(district.parentId(), district.id(), street.id(), community.id());
    }

    /** Someone of a region-level role (street, district, city, association) over that region. */
    public Person authority(Role role, RegionRef region) {
        return person(role, region.id(), null, null, region.path());
    }

    /** A company head over the company and its branches. */
    public Person companyHead(long company) {
        return person(Role.COMPANY_HEAD, null, company, null, org.company(new CompanyId(company)).orElseThrow().path());
    }

    /** Someone of an estate-level role (manager, guard, cleaner, resident...) at that estate. */
    public Person staff(Role role, long estate) {
        return person(role, null, null, estate, regionPath(estate));
    }

    private void onShift(long entrance, Person leader, Person member) {
        Instant now = clock.instant();
        var members = new LinkedHashMap<Long, DutyRoster.Team>();
        members.put(leader.id(), DutyRoster.Team.COMMUNITY_CADRE);
        members.put(member.id(), DutyRoster.Team.GUARD);
        roster.create(entrance, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), leader.id(), members, leader.user());
    }

    private Person person(Role role, Long region, Long company, Long estate, String scope) {
        String username = "tree-" + role.name().toLowerCase() + "-" + tag();
        String displayName = "测试" + role.name().toLowerCase() + " " + username;
        long id = users.createSeeded(new Users.NewUser(username, TestData.PASSWORD, displayName, role, region, company, estate, null),
                hash(), BY);
        return new Person(id, username, new CurrentUser(id, username, displayName, role, scope, estate, null));
    }

    private RegionRef region(long id) {
        return org.region(new RegionId(id)).orElseThrow();
    }

    private String regionPath(long estate) {
        return org.estate(new EstateId(estate), "R/").orElseThrow().regionPath();
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = users.hash(TestData.PASSWORD);
        }
        return passwordHash;
    }

    private static String tag() {
        return SEQUENCE.incrementAndGet() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
    }
}
