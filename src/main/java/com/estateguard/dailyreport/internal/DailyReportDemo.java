package com.estateguard.dailyreport.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo daily report (演示数据): yesterday's report of 阳光花园, submitted only now, so the list shows it as late (逾期报送). Runs after every other module's demo data. */
@Component
@Order(100)
class DailyReportDemo implements DemoExtension {

    private static final CurrentUser DEMO = new CurrentUser(0, "demo", "演示数据", Role.PREVENTION_ADMIN, "R/", null, null);

    private final DailyReports reports;
    private final Clock clock;
    private final ZoneId zone;

    DailyReportDemo(DailyReports reports, Clock clock, ZoneId zone) {
        this.reports = reports;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
        var yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        reports.submit(base.estates().get(0), yesterday, "演示：补报", null, DEMO);
    }
}
