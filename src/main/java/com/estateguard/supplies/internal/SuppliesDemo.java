package com.estateguard.supplies.internal;

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

/** Demo supplies (演示数据): masks and 84 disinfectant used every day of the last week at 阳光花园, so both fall short of the cover. */
@Component
@Order(21)
class SuppliesDemo implements DemoExtension {

    private static final CurrentUser DEMO = new CurrentUser(0, "demo", "演示数据", Role.PREVENTION_ADMIN, "R/", null, null);

    private final Supplies supplies;
    private final Clock clock;
    private final ZoneId zone;

    SuppliesDemo(Supplies supplies, Clock clock, ZoneId zone) {
        this.supplies = supplies;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
        addSupplies(base.estates().get(0));
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
}
