package com.estateguard.supplies.internal;

import com.estateguard.dailyreport.ReportLine;
import com.estateguard.dailyreport.ReportSection;
import com.estateguard.org.EstateRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Supplies in the daily report (物资储备消耗和缺口, 002): per kind, stock, use and shortfall; items below cover. */
@Component
class SuppliesReportSection implements ReportSection {

    private final Supplies supplies;

    SuppliesReportSection(Supplies supplies) {
        this.supplies = supplies;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleKey() {
        return "report.section.supplies";
    }

    @Override
    public List<ReportLine> lines(EstateRef estate, LocalDate day) {
        List<Supplies.Stock> stock = supplies.stockOfEstate(estate, day);
        List<ReportLine> lines = new ArrayList<>();
        lines.add(ReportLine.count("report.sup.itemsBelowCover", stock.stream().filter(s -> s.cover().belowCover()).count()));
        for (Supplies.Stock s : stock) {
            String kind = "sup.category." + s.item().category().name();
            lines.add(new ReportLine(kind + ".stock", s.cover().stock(), ""));
            lines.add(new ReportLine(kind + ".used", s.usedThatDay(), ""));
            lines.add(new ReportLine(kind + ".shortfall", s.cover().shortfall(), ""));
        }
        return merge(lines);
    }

    /** Items of the same kind add up (two brands of masks are one line). */
    private static List<ReportLine> merge(List<ReportLine> lines) {
        java.util.Map<String, ReportLine> merged = new java.util.LinkedHashMap<>();
        lines.forEach(l -> merged.merge(l.labelKey(), l, ReportLine::plus));
        return List.copyOf(merged.values());
    }
}
