package com.estateguard;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.healthdata.HealthRegisters;
import com.estateguard.identity.DeviceKeys;
import com.estateguard.identity.Users;
import com.estateguard.org.EntranceKind;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionLevel;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.staff.internal.DutyRoster;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Builds what a test needs in an estate of its own, through the modules' own APIs: a region tree,
 * a company, an estate with a south gate (open) and a north gate (closed), a guard and an
 * administrator on a shift at the south gate from yesterday to tomorrow (by the application's
 * clock), a terminal key for that gate, and a policy version from a preset for the estate alone.
 * A test that uses it depends on no demo row and on no other test's rows.
 */
@Component
public class TestData {

    public static final String PASSWORD = "test-pass-1234";
    private static final String BY = "test-data";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrgDirectory org;
    private final Users users;
    private final DeviceKeys deviceKeys;
    private final DutyRoster roster;
    private final Policies policies;
    private final HealthRegisters registers;
    private final Clock clock;
    private String passwordHash;

    TestData(OrgDirectory org, Users users, DeviceKeys deviceKeys, DutyRoster roster, Policies policies,
             HealthRegisters registers, Clock clock) {
        this.org = org;
        this.users = users;
        this.deviceKeys = deviceKeys;
        this.roster = roster;
        this.policies = policies;
        this.registers = registers;
        this.clock = clock;
    }

    /** An estate of the test's own, under the given preset. */
    public Estate estate(PolicyPreset preset) {
        int n = SEQUENCE.incrementAndGet();
        String tag = n + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        long city = org.createRegion(null, RegionLevel.CITY, "测试市" + tag, BY);
        long district = org.createRegion(city, RegionLevel.DISTRICT, "测试区" + tag, BY);
        long street = org.createRegion(district, RegionLevel.STREET, "测试街道" + tag, BY);
        long community = org.createRegion(street, RegionLevel.COMMUNITY, "测试社区" + tag, BY);
        long company = org.createCompany(null, "测试物业" + tag, BY);
        String name = "测试小区" + tag;
        long estate = org.createEstate(new OrgDirectory.EstateForm(name, community, company, new BigDecimal("50000"),
                name + "路1号", "项目经理", "防疫管理员", name + " 临时观察点"), BY);
        long south = org.createEntrance(new EstateId(estate), "南门", EntranceKind.MIXED, true, BY);
        long north = org.createEntrance(new EstateId(estate), "北门", EntranceKind.PEDESTRIAN, false, BY);
        var ref = org.estate(new EstateId(estate), "R/").orElseThrow();
        policies.install(new Policies.NewVersion(name + "：" + preset.labelZh(), ref.regionPath(), name,
                LocalDate.of(2020, 1, 1).atStartOfDay(clock.getZone()).toInstant(), preset.parameters(), null, preset.name()), BY);
        Person admin = person("tadmin" + n, name + " 防疫管理员", Role.PREVENTION_ADMIN, estate, ref.regionPath());
        Person guard = person("tguard" + n, name + " 保安", Role.GUARD, estate, ref.regionPath());
        Instant now = clock.instant();
        var members = new LinkedHashMap<Long, DutyRoster.Team>();
        members.put(admin.id(), DutyRoster.Team.COMMUNITY_CADRE);
        members.put(guard.id(), DutyRoster.Team.GUARD);
        roster.create(south, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), admin.id(), members, admin.user());
        String key = "eg_t" + String.format("%07d", n) + "_" + HexFormat.of().formatHex(randomBytes());
        deviceKeys.issueSeeded(south, name + " 南门测温核验一体机（测试）", key, BY);
        return new Estate(estate, name, ref.regionPath(), south, north, admin, guard, key,
                new Regions(city, district, street, community));
    }

    /** A login of an authority over the estate (city, district or street), e.g. to write its policy. */
    public Person authority(Estate estate, Role role) {
        long region = switch (role) {
            case CITY_AUTHORITY, PROPERTY_ASSOCIATION -> estate.regions().city();
            case DISTRICT_AUTHORITY -> estate.regions().district();
            case STREET_AUTHORITY -> estate.regions().street();
            default -> throw new IllegalArgumentException(role + " is not an authority");
        };
        int n = SEQUENCE.incrementAndGet();
        String username = "tauth" + n;
        long id = users.createSeeded(new Users.NewUser(username, PASSWORD, role.name() + " " + n, role, region, null, null, null), hash(), BY);
        String scope = org.region(new RegionId(region)).orElseThrow().path();
        return new Person(id, username, new CurrentUser(id, username, role.name() + " " + n, role, scope, null, null));
    }

    /** Someone in the platform's health registers: a NAT and a health-code status, both by the clock. */
    public String registeredPerson(String name, Duration natAge, String natResult, String codeStatus) {
        String id = Fixtures.newIdNumber();
        Instant now = clock.instant();
        registers.record(HealthRegisters.Kind.NAT, id, name, now.minus(natAge), natResult, BY);
        registers.record(HealthRegisters.Kind.HEALTH_CODE, id, name, now.minus(Duration.ofMinutes(30)), codeStatus, BY);
        return id;
    }

    private Person person(String username, String displayName, Role role, long estate, String scope) {
        long id = users.createSeeded(new Users.NewUser(username, PASSWORD, displayName, role, null, null, estate, null), hash(), BY);
        return new Person(id, username, new CurrentUser(id, username, displayName, role, scope, estate, null));
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = users.hash(PASSWORD);
        }
        return passwordHash;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** An estate built for one test. */
    public record Estate(long id, String name, String regionPath, long southGate, long northGate, Person admin, Person guard,
                         String deviceKey, Regions regions) {

        /** The estate's terminal at the south gate, on the API. */
        public TestClient terminal(int port) {
            return TestClient.device(port, deviceKey);
        }
    }

    /** The estate's own region tree: its city, district, street and community. */
    public record Regions(long city, long district, long street, long community) {
    }

    /** A login of the test's own (password {@link #PASSWORD}) and the user the services see. */
    public record Person(long id, String username, CurrentUser user) {

        public TestClient login(int port) {
            return TestClient.person(port, username, PASSWORD);
        }
    }
}
