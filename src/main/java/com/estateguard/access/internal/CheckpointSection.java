package com.estateguard.access.internal;

import com.estateguard.access.GuardShifts;
import com.estateguard.access.Verdict;
import com.estateguard.dailyreport.ReportLine;
import com.estateguard.dailyreport.ReportSection;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.policy.ReasonCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The checkpoint's figures of the day: entries checked, let in, refused by reason, fever cases, staff on duty. */
@Component
class CheckpointSection implements ReportSection {

    private final CheckQueries checks;
    private final GuardShifts shifts;
    private final ZoneId zone;

    CheckpointSection(CheckQueries checks, GuardShifts shifts, ZoneId zone) {
        this.checks = checks;
        this.shifts = shifts;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "report.section.checkpoint";
    }

    @Override
    public List<ReportLine> lines(EstateRef estate, LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        var counts = checks.periodCounts(estate.id(), from, to);
        long total = counts.byVerdict().values().stream().mapToLong(Long::longValue).sum();
        List<ReportLine> lines = new ArrayList<>();
        lines.add(ReportLine.count("report.checks", total));
        lines.add(ReportLine.count("report.allowed", counts.byVerdict().get(Verdict.ALLOW)));
        lines.add(ReportLine.count("report.refused", counts.byVerdict().get(Verdict.REFUSE)));
        lines.add(ReportLine.count("report.referred", counts.byVerdict().get(Verdict.REFER)));
        lines.add(ReportLine.count("report.fever", counts.refusalsByReason().getOrDefault(ReasonCode.FEVER, 0L)));
        counts.refusalsByReason().forEach((reason, n) -> lines.add(ReportLine.count("reason." + reason.name(), n)));
        lines.add(ReportLine.count("report.staffOnDuty", shifts.staffOnDuty(new EstateId(estate.id()), estate.regionPath(), from, to)));
        return lines;
    }
}
