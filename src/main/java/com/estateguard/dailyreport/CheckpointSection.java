package com.estateguard.dailyreport;

import com.estateguard.access.CheckQueries;
import com.estateguard.access.DutyRoster;
import com.estateguard.access.Verdict;
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
    private final DutyRoster roster;
    private final ZoneId zone;

    CheckpointSection(CheckQueries checks, DutyRoster roster, ZoneId zone) {
        this.checks = checks;
        this.roster = roster;
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
        lines.add(ReportLine.count("report.staffOnDuty", staffOnDuty(estate, from, to)));
        return lines;
    }

    /** Distinct people on the estate's checkpoint shifts that day (members are "name(team)" joined by 、). */
    private long staffOnDuty(EstateRef estate, Instant from, Instant to) {
        return roster.between(estate.regionPath(), from, to).stream()
                .filter(s -> s.estateId() == estate.id() && s.members() != null)
                .flatMap(s -> Arrays.stream(s.members().split("、")))
                .distinct().count();
    }
}
