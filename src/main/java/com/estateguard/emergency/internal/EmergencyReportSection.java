package com.estateguard.emergency.internal;

import com.estateguard.dailyreport.ReportLine;
import com.estateguard.dailyreport.ReportSection;
import com.estateguard.org.EstateRef;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The emergency part of the daily report: real incidents open at the day's end, opened that day, and
 * reports to the authorities made late that day. Drills are never counted.
 */
@Component
class EmergencyReportSection implements ReportSection {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    EmergencyReportSection(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String titleKey() {
        return "report.section.emergency";
    }

    @Override
    public List<ReportLine> lines(EstateRef estate, LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        long open = count("""
                SELECT count(*) FROM emg_incident WHERE estate_id = :e AND NOT drill AND opened_at < :to
                   AND (ended_at IS NULL OR ended_at >= :to)""", estate.id(), from, to);
        long opened = count("SELECT count(*) FROM emg_incident WHERE estate_id = :e AND NOT drill AND opened_at >= :from AND opened_at < :to",
                estate.id(), from, to);
        long late = count("""
                SELECT count(*) FROM emg_report r JOIN emg_incident i ON i.id = r.incident_id
                 WHERE i.estate_id = :e AND NOT i.drill AND r.late AND r.reported_at >= :from AND r.reported_at < :to""",
                estate.id(), from, to);
        return List.of(ReportLine.count("report.emg.open", open), ReportLine.count("report.emg.opened", opened),
                ReportLine.count("report.emg.lateReports", late));
    }

    private long count(String sql, long estate, Timestamp from, Timestamp to) {
        var spec = jdbc.sql(sql).param("e", estate).param("to", to);
        if (sql.contains(":from")) {
            spec = spec.param("from", from);
        }
        return spec.query(Long.class).single();
    }
}
