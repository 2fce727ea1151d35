package com.estateguard.staff.internal;

import com.estateguard.dailyreport.ReportLine;
import com.estateguard.dailyreport.ReportSection;
import com.estateguard.org.EstateRef;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** Staff health in the daily report: staff whose temperature was taken, and those ineligible for duty. */
@Component
class StaffReportSection implements ReportSection {

    private final StaffHealth health;

    StaffReportSection(StaffHealth health) {
        this.health = health;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleKey() {
        return "report.section.staff";
    }

    @Override
    public List<ReportLine> lines(EstateRef estate, LocalDate day) {
        long[] counts = health.counts(estate.id(), day);
        return List.of(ReportLine.count("report.stf.measured", counts[0]), ReportLine.count("report.stf.ineligible", counts[1]));
    }
}
