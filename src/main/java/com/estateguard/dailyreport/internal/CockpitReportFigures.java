package com.estateguard.dailyreport.internal;

import com.estateguard.cockpit.DayFigures;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.NoPolicyException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cockpit's daily-report figures per estate and day: submitted, late (submitted after the
 * deadline, or not submitted once it passed) and missing (not submitted once the deadline passed).
 */
@Component
class CockpitReportFigures implements DayFigures {

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final DailyReports reports;
    private final Clock clock;

    CockpitReportFigures(JdbcClient jdbc, OrgDirectory org, DailyReports reports, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public String family() {
        return "REPORT";
    }

    @Override
    public List<DayFigure> of(LocalDate day) {
        Map<Long, Instant> submitted = new HashMap<>();
        jdbc.sql("SELECT estate_id, first_submitted_at FROM report_day WHERE report_date = :d").param("d", day)
                .query((RowCallbackHandler) rs -> submitted.put(rs.getLong(1), rs.getTimestamp(2).toInstant()));
        List<DayFigure> figures = new ArrayList<>();
        Instant now = clock.instant();
        for (EstateRef estate : org.estates("R/")) {
            Instant deadline;
            try {
                deadline = reports.deadline(estate, day);
            } catch (NoPolicyException e) {
                continue;
            }
            ReportStatus status = ReportStatus.of(submitted.get(estate.id()), deadline, now);
            switch (status) {
                case SUBMITTED -> figures.add(new DayFigure(estate.id(), "REPORT.SUBMITTED", 1));
                case SUBMITTED_LATE -> {
                    figures.add(new DayFigure(estate.id(), "REPORT.SUBMITTED", 1));
                    figures.add(new DayFigure(estate.id(), "REPORT.LATE", 1));
                }
                case OVERDUE -> {
                    figures.add(new DayFigure(estate.id(), "REPORT.MISSING", 1));
                    figures.add(new DayFigure(estate.id(), "REPORT.LATE", 1));
                }
                case DUE -> { }
            }
        }
        return figures;
    }
}
