package com.estateguard.dailyreport.internal;

import com.estateguard.dailyreport.ReportLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One section of a compiled report, as shown, exported and frozen on submission. */
public record SectionFigures(String titleKey, List<ReportLine> lines) {

    /** Adds up the reports of several estates: same section and label, values summed (街道、区汇总). */
    public static List<SectionFigures> combine(List<List<SectionFigures>> reports) {
        Map<String, Map<String, ReportLine>> sums = new LinkedHashMap<>();
        for (List<SectionFigures> report : reports) {
            for (SectionFigures section : report) {
                Map<String, ReportLine> lines = sums.computeIfAbsent(section.titleKey(), k -> new LinkedHashMap<>());
                section.lines().forEach(l -> lines.merge(l.labelKey(), l, ReportLine::plus));
            }
        }
        List<SectionFigures> combined = new ArrayList<>();
        sums.forEach((title, lines) -> combined.add(new SectionFigures(title, List.copyOf(lines.values()))));
        return combined;
    }
}
