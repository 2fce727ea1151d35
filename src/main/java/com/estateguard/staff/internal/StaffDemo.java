package com.estateguard.staff.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.identity.StaffDirectory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo staff ledgers (演示数据): this morning's temperatures at 阳光花园 and the administrator's vaccination, NAT and training records. */
@Component
@Order(22)
class StaffDemo implements DemoExtension {

    private static final CurrentUser DEMO = new CurrentUser(0, "demo", "演示数据", Role.PREVENTION_ADMIN, "R/", null, null);

    private final StaffHealth health;
    private final StaffRegisters registers;
    private final StaffDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    StaffDemo(StaffHealth health, StaffRegisters registers, StaffDirectory directory, Clock clock, ZoneId zone) {
        this.health = health;
        this.registers = registers;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
        addStaff(base.estates().get(0));
    }

    /** Normal temperatures this morning and the administrator's registers. */
    private void addStaff(long estate) {
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
    }

    private long userId(String username) {
        return directory.byUsername(username).orElseThrow().id();
    }
}
