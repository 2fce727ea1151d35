package com.estateguard.demo;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.dailyreport.DailyReports;
import com.estateguard.hygiene.Agent;
import com.estateguard.hygiene.DisinfectionForm;
import com.estateguard.hygiene.HygieneBoard;
import com.estateguard.hygiene.HygieneRecords;
import com.estateguard.hygiene.PlaceForm;
import com.estateguard.hygiene.PlaceType;
import com.estateguard.hygiene.Places;
import com.estateguard.hygiene.SpecialWaste;
import com.estateguard.notices.CaseKind;
import com.estateguard.notices.CaseNotices;
import com.estateguard.notices.Publicity;
import com.estateguard.staff.StaffHealth;
import com.estateguard.staff.StaffRegisters;
import com.estateguard.supplies.Supplies;
import com.estateguard.supplies.SupplyCategory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Demo data of the estate ledgers: places and plans of 阳光花园 and 锦绣苑, yesterday's
 * disinfection records (one of them non-compliant) and a special-waste container with a handover.
 */
@Component
class LedgersDemo implements DemoExtension {

    private static final CurrentUser DEMO = new CurrentUser(0, "demo", "演示数据", Role.PREVENTION_ADMIN, "R/", null, null);

    private final Places places;
    private final HygieneBoard board;
    private final HygieneRecords records;
    private final SpecialWaste waste;
    private final Supplies supplies;
    private final StaffHealth health;
    private final StaffRegisters registers;
    private final CaseNotices notices;
    private final Publicity publicity;
    private final DailyReports reports;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    LedgersDemo(Places places, HygieneBoard board, HygieneRecords records, SpecialWaste waste, Supplies supplies,
                StaffHealth health, StaffRegisters registers, CaseNotices notices, Publicity publicity, DailyReports reports,
                org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock, ZoneId zone) {
        this.supplies = supplies;
        this.health = health;
        this.registers = registers;
        this.notices = notices;
        this.publicity = publicity;
        this.reports = reports;
        this.jdbc = jdbc;
        this.places = places;
        this.board = board;
        this.records = records;
        this.waste = waste;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoData.Loaded base) {
        for (long estate : base.estates().subList(0, 2)) {
            addPlaces(estate);
            recordYesterday(estate);
        }
        long sunny = base.estates().get(0);
        long bin = waste.addContainer(sunny, new SpecialWaste.ContainerForm("废弃口罩专用桶 1", SpecialWaste.WasteKind.MASKS_GLOVES,
                "南门岗亭旁"), DEMO);
        var yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        waste.record(sunny, new SpecialWaste.MovementForm(bin, SpecialWaste.MovementKind.COLLECTION, yesterday.atTime(17, 30),
                new BigDecimal("2.40"), null, true, null), DEMO);
        waste.record(sunny, new SpecialWaste.MovementForm(bin, SpecialWaste.MovementKind.HANDOVER, yesterday.atTime(18, 0),
                new BigDecimal("2.40"), "区环卫所 陈师傅", true, "医疗废物转运车"), DEMO);
        addSupplies(sunny);
        addStaffAndNotices(sunny);
        // Yesterday's report, submitted only now: the list shows it as late (逾期报送).
        reports.submit(sunny, yesterday, "演示：补报", DEMO);
    }

    /** Normal temperatures this morning, the administrator's registers, a notice and the publicity checklist. */
    private void addStaffAndNotices(long estate) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long admin = userId("admin");
        long manager = userId("manager");
        for (String[] reading : new String[][] {{"admin", "36.4"}, {"manager", "36.6"}, {"guard", "36.5"}, {"cleaner", "36.3"}}) {
            health.record(estate, new StaffHealth.HealthForm(userId(reading[0]), StaffHealth.Period.MORNING, new BigDecimal(reading[1]),
                    false, null), DEMO);
        }
        registers.vaccinated(estate, new StaffRegisters.VaccinationForm(admin, 1, today.minusMonths(8)), DEMO);
        registers.vaccinated(estate, new StaffRegisters.VaccinationForm(admin, 2, today.minusMonths(7)), DEMO);
        registers.tested(estate, new StaffRegisters.NatForm(admin, today.minusDays(2), StaffRegisters.NatResult.NEGATIVE), DEMO);
        registers.trained(estate, new StaffRegisters.TrainingForm("卡口“四件套”查验与个人防护", today.minusDays(5), "长桥街道 王干事",
                java.util.List.of(admin, manager)), DEMO);
        notices.publish(estate, new CaseNotices.NoticeForm(CaseKind.HOME_ISOLATION, "王建国", "3号楼", today.minusDays(1),
                "居家隔离观察14天，生活垃圾由专人收运"), DEMO);
        publicity.publicised(estate, new Publicity.PublicityForm(Publicity.Channel.GATE_GUIDANCE, today.minusDays(1), "张贴最新防控指引"), DEMO);
        publicity.publicised(estate, new Publicity.PublicityForm(Publicity.Channel.OWNER_GROUP, today, "业主群转发通告"), DEMO);
        publicity.roomState(estate, new Publicity.RoomForm("老年活动室", false, "暂停开放"), DEMO);
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM iam_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** Masks and 84 disinfectant used every day of the last week, so both fall short of the cover. */
    private void addSupplies(long estate) {
        long masks = supplies.addItem(estate, new Supplies.ItemForm("一次性医用口罩", SupplyCategory.MASKS, "个", false, null, null), DEMO);
        long bleach = supplies.addItem(estate, new Supplies.ItemForm("84消毒液", SupplyCategory.DISINFECTANT_84, "瓶", true,
                "物业仓库B间（单独存放）", "王仓管"), DEMO);
        long guns = supplies.addItem(estate, new Supplies.ItemForm("额温枪", SupplyCategory.THERMOMETER, "把", false, null, null), DEMO);
        var start = LocalDate.now(clock.withZone(zone)).minusDays(8).atTime(9, 0);
        move(estate, masks, Supplies.Direction.IN, "2000", start);
        move(estate, bleach, Supplies.Direction.IN, "60", start);
        move(estate, guns, Supplies.Direction.IN, "10", start);
        for (int d = 7; d >= 1; d--) {
            var day = LocalDate.now(clock.withZone(zone)).minusDays(d).atTime(8, 0);
            move(estate, masks, Supplies.Direction.OUT, "100", day);
            move(estate, bleach, Supplies.Direction.OUT, "2", day);
        }
    }

    private void move(long estate, long item, Supplies.Direction direction, String quantity, java.time.LocalDateTime at) {
        supplies.move(estate, new Supplies.MovementForm(item, direction, new BigDecimal(quantity), at, null), DEMO);
    }

    private void addPlaces(long estate) {
        places.add(estate, plan("1号楼单元大厅", PlaceType.LOBBY), DEMO);
        places.add(estate, plan("1号楼楼道", PlaceType.CORRIDOR), DEMO);
        places.add(estate, plan("1号楼电梯轿厢", PlaceType.LIFT_CAR), DEMO);
        places.add(estate, plan("地下车库", PlaceType.CAR_PARK), DEMO);
        places.add(estate, plan("门把手与电梯按键", PlaceType.TOUCH_POINTS), DEMO);
        places.add(estate, plan("垃圾桶及周边2米", PlaceType.WASTE_BINS), DEMO);
        places.add(estate, plan("老年活动室", PlaceType.INDOOR_ROOM), DEMO);
        places.add(estate, plan("南门卡口", PlaceType.CHECKPOINT), DEMO);
    }

    private static PlaceForm plan(String name, PlaceType type) {
        return new PlaceForm(name, type, null, null, null, null, null, null);
    }

    /** Every task of yesterday done an hour before it was due; the car park's first round too weak. */
    private void recordYesterday(long estate) {
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        for (HygieneBoard.TaskRow task : board.board(estate, yesterday, DEMO).tasks()) {
            var doneAt = task.dueAt().minusSeconds(3600).atZone(zone).toLocalDateTime();
            PlaceType type = task.placeType();
            Agent agent = type.defaultAgent();
            Integer mgL = agent != Agent.CHLORINE ? null
                    : type == PlaceType.CAR_PARK && task.slot() == 1 ? 150 : type == PlaceType.WASTE_BINS ? 500 : 400;
            int ventilation = type == PlaceType.INDOOR_ROOM ? 35 : 20;
            records.record(task.id(), new DisinfectionForm(doneAt, agent, mgL, new BigDecimal(type == PlaceType.CAR_PARK ? "1200" : "80"),
                    ventilation, type == PlaceType.LIFT_CAR ? new BigDecimal("1.8") : null), null, DEMO);
        }
    }
}
