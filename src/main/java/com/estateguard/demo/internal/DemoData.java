package com.estateguard.demo.internal;

import com.estateguard.common.IdNumber;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.healthdata.HealthRegisters;
import com.estateguard.identity.DeviceKeys;
import com.estateguard.identity.Users.NewUser;
import com.estateguard.identity.Users;
import com.estateguard.org.EntranceKind;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory.EstateForm;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionLevel;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for a first start: one city, two districts, four streets, six communities and
 * estates, two property companies, users for every role, a few hundred people in the health
 * registers, duty shifts and a morning of checks at the first estate's gate.
 */
class DemoData {

    static final String PASSWORD = DemoBase.PASSWORD;
    static final String DEVICE_KEY = DemoBase.DEVICE_KEY;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String BY = DemoBase.BY;
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹".split("");
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀英", "霞", "平", "建国", "桂兰", "志强", "海燕", "子涵", "浩然"};

    private final OrgDirectory org;
    private final Users users;
    private final Policies policies;
    private final HealthRegisters registers;
    private final DeviceKeys deviceKeys;
    private final Clock clock;
    private final ZoneId zone;
    private final Random random = new Random(20220628);

    DemoData(OrgDirectory org, Users users, Policies policies, HealthRegisters registers, DeviceKeys deviceKeys,
             Clock clock, ZoneId zone) {
        this.org = org;
        this.users = users;
        this.policies = policies;
        this.registers = registers;
        this.deviceKeys = deviceKeys;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public DemoBase load() {
        long city = org.createRegion(null, RegionLevel.CITY, "滨江市", BY);
        long d1 = org.createRegion(city, RegionLevel.DISTRICT, "江南区", BY);
        long d2 = org.createRegion(city, RegionLevel.DISTRICT, "湖西区", BY);
        long s1 = org.createRegion(d1, RegionLevel.STREET, "长桥街道", BY);
        long s2 = org.createRegion(d1, RegionLevel.STREET, "望江街道", BY);
        long s3 = org.createRegion(d2, RegionLevel.STREET, "柳湾镇", BY);
        long s4 = org.createRegion(d2, RegionLevel.STREET, "湖滨街道", BY);
        long[] communities = {
                org.createRegion(s1, RegionLevel.COMMUNITY, "长桥社区", BY), org.createRegion(s1, RegionLevel.COMMUNITY, "桥东社区", BY),
                org.createRegion(s2, RegionLevel.COMMUNITY, "望江社区", BY), org.createRegion(s3, RegionLevel.COMMUNITY, "柳湾社区", BY),
                org.createRegion(s4, RegionLevel.COMMUNITY, "湖滨社区", BY), org.createRegion(s4, RegionLevel.COMMUNITY, "西岸社区", BY)};
        long hq = org.createCompany(null, "安居物业服务集团", city, BY);
        long branch = org.createCompany(hq, "安居物业湖西分公司", BY);
        long other = org.createCompany(null, "和园物业管理有限公司", city, BY);

        String[] names = {"阳光花园", "锦绣苑", "望江华庭", "柳湾新村", "湖滨一号", "西岸名邸"};
        BigDecimal[] areas = {new BigDecimal("86000"), new BigDecimal("120500"), new BigDecimal("352000"),
                new BigDecimal("64000"), new BigDecimal("98000"), new BigDecimal("45000")};
        long[] companies = {hq, hq, other, branch, branch, other};
        List<Long> estates = new ArrayList<>();
        List<Long> firstEntrances = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            long estate = org.createEstate(new EstateForm(names[i], communities[i], companies[i], areas[i],
                    "滨江市" + names[i] + "路" + (i + 1) + "号", "项目经理" + SURNAMES[i], "防疫管理员" + SURNAMES[i + 6],
                    names[i] + " 东北角临时观察点（独立板房）"), BY);
            estates.add(estate);
            firstEntrances.add(org.createEntrance(new EstateId(estate), "南门", EntranceKind.MIXED, true, BY));
            org.createEntrance(new EstateId(estate), "北门", EntranceKind.PEDESTRIAN, i == 2, BY);
            org.createEntrance(new EstateId(estate), "地库车行口", EntranceKind.VEHICLE, false, BY);
            for (int b = 1; b <= 4 + i; b++) {
                org.createBuilding(new EstateId(estate), b + "号楼", BY);
            }
            org.createPickupPoint(new EstateId(estate), "快递外卖暂存架", "南门岗亭旁", BY);
        }

        Instant seedFrom = LocalDate.of(2020, 1, 1).atStartOfDay(zone).toInstant();
        policies.install(new Policies.NewVersion("滨江市默认：" + PolicyPreset.BEIJING_2022.labelZh(), org.region(new RegionId(city)).orElseThrow().path(),
                "滨江市", seedFrom, PolicyPreset.BEIJING_2022.parameters(), null, PolicyPreset.BEIJING_2022.name()), BY);
        policies.install(new Policies.NewVersion("湖西区：" + PolicyPreset.HUACHUAN_2021.labelZh(), org.region(new RegionId(d2)).orElseThrow().path(),
                "湖西区", seedFrom, PolicyPreset.HUACHUAN_2021.parameters(), null, PolicyPreset.HUACHUAN_2021.name()), BY);
        var westBank = org.estate(new EstateId(estates.get(5)), "R/").orElseThrow();
        policies.install(new Policies.NewVersion("西岸名邸：" + PolicyPreset.KUNSHAN_2020.labelZh(), westBank.regionPath(),
                westBank.name(), seedFrom, PolicyPreset.KUNSHAN_2020.parameters(), null, PolicyPreset.KUNSHAN_2020.name()), BY);

        String hash = users.hash(PASSWORD);
        user("city", "市住建委 周主任", Role.CITY_AUTHORITY, city, null, null, hash);
        user("district", "江南区住建局 吴科长", Role.DISTRICT_AUTHORITY, d1, null, null, hash);
        user("district2", "湖西区住建局 郑科长", Role.DISTRICT_AUTHORITY, d2, null, null, hash);
        user("street", "长桥街道 王干事", Role.STREET_AUTHORITY, s1, null, null, hash);
        user("association", "市物业协会 冯秘书长", Role.PROPERTY_ASSOCIATION, city, null, null, hash);
        user("companyhead", "安居物业 陈总", Role.COMPANY_HEAD, null, hq, null, hash);
        user("companyhead2", "和园物业 曹总", Role.COMPANY_HEAD, null, other, null, hash);
        user("manager", "阳光花园 项目经理 李明", Role.PROJECT_MANAGER, null, null, estates.get(0), hash);
        user("admin", "阳光花园 防疫管理员 赵静", Role.PREVENTION_ADMIN, null, null, estates.get(0), hash);
        user("guard", "阳光花园 保安 张强", Role.GUARD, null, null, estates.get(0), hash);
        user("guard2", "阳光花园 保安 刘洋", Role.GUARD, null, null, estates.get(0), hash);
        user("cleaner", "阳光花园 保洁 孙秀英", Role.CLEANER, null, null, estates.get(0), hash);
        user("resident", "阳光花园 业主 黄海燕", Role.RESIDENT, null, null, estates.get(0), hash);
        user("guardb", "锦绣苑 保安 马超", Role.GUARD, null, null, estates.get(1), hash);
        user("adminb", "锦绣苑 防疫管理员 高娟", Role.PREVENTION_ADMIN, null, null, estates.get(1), hash);
        user("guardf", "西岸名邸 保安 罗勇", Role.GUARD, null, null, estates.get(5), hash);
        user("adminf", "西岸名邸 防疫管理员 韩丽", Role.PREVENTION_ADMIN, null, null, estates.get(5), hash);

        deviceKeys.issueSeeded(firstEntrances.get(0), "南门智能测温核验一体机（演示）", DEVICE_KEY, BY);

        List<String> people = people(300);
        log.info("Demo data loaded: 6 estates, {} people in the health registers", people.size());
        return new DemoBase(estates, firstEntrances, people);
    }

    private long user(String username, String name, Role role, Long region, Long company, Long estate, String hash) {
        return users.createSeeded(new NewUser(username, PASSWORD, name, role, region, company, estate, null), hash, BY);
    }

    /** People with valid ID numbers, their newest NAT and health-code status in the registers. */
    private List<String> people(int count) {
        List<String> ids = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            LocalDate birth = LocalDate.of(1940 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String first17 = "320583" + birth.toString().replace("-", "") + String.format("%03d", i % 1000);
            String id = first17 + IdNumber.checkChar(first17);
            ids.add(id + "|" + name);
            registers.record(HealthRegisters.Kind.NAT, id, name, now.minus(Duration.ofHours(2 + random.nextInt(100))),
                    random.nextInt(100) == 0 ? "POSITIVE" : "NEGATIVE", BY);
            String status = random.nextInt(25) == 0 ? "YELLOW" : random.nextInt(60) == 0 ? "RED" : "GREEN";
            registers.record(HealthRegisters.Kind.HEALTH_CODE, id, name, now.minus(Duration.ofHours(1)), status, BY);
        }
        return ids;
    }
}
