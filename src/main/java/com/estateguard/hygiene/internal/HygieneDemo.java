package com.estateguard.hygiene.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo hygiene ledgers (演示数据): places and plans of 阳光花园 and 锦绣苑, yesterday's disinfection records (one non-compliant) and a special-waste container with a handover. */
@Component
@Order(20)
class HygieneDemo implements DemoExtension {

    private static final CurrentUser DEMO = new CurrentUser(0, "demo", "演示数据", Role.PREVENTION_ADMIN, "R/", null, null);

    private final Places places;
    private final HygieneBoard board;
    private final HygieneTasks tasks;
    private final HygieneRecords records;
    private final SpecialWaste waste;
    private final Clock clock;
    private final ZoneId zone;

    HygieneDemo(Places places, HygieneBoard board, HygieneTasks tasks, HygieneRecords records, SpecialWaste waste, Clock clock,
                ZoneId zone) {
        this.places = places;
        this.board = board;
        this.tasks = tasks;
        this.records = records;
        this.waste = waste;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
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
        tasks.ensure(board.board(estate, yesterday, DEMO).estate(), yesterday, DEMO.actor());   // the plan as if it had run then
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
