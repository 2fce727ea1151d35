package com.estateguard.hygiene.internal;

import com.estateguard.dailyreport.ReportLine;
import com.estateguard.dailyreport.ReportSection;
import com.estateguard.org.EstateRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hygiene's part of the daily report (消毒次数和面积, 002): disinfections, area, tasks missed and not compliant. */
@Component
class HygieneReportSection implements ReportSection {

    private final HygieneBoard board;

    HygieneReportSection(HygieneBoard board) {
        this.board = board;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "report.section.hygiene";
    }

    @Override
    public List<ReportLine> lines(EstateRef estate, LocalDate day) {
        HygieneBoard.DayTotals totals = board.totals(estate, day);
        DayCompliance c = totals.compliance();
        return List.of(
                ReportLine.count("report.hyg.disinfections", totals.records()),
                new ReportLine("report.hyg.area", totals.areaM2(), "report.unit.m2"),
                ReportLine.count("report.hyg.tasks", c.tasks()),
                ReportLine.count("report.hyg.compliant", c.compliant()),
                ReportLine.count("report.hyg.nonCompliant", c.nonCompliant()),
                ReportLine.count("report.hyg.missed", c.missed() + c.overdue()),
                new ReportLine("report.hyg.wasteHandedKg", board.wasteHandedOverKg(estate.id(), day), "report.unit.kg"));
    }
}
