package com.estateguard.emergency.internal;

import com.estateguard.cockpit.DayFigures;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cockpit's emergency figures per estate and day, counted as the daily report counts them (drills
 * never): real incidents open at the day's end (or now), and reports to the authorities made late that day.
 */
@Component
class CockpitIncidentFigures implements DayFigures {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CockpitIncidentFigures(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public String family() {
        return "INCIDENT";
    }

    @Override
    public List<DayFigure> of(LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        return jdbc.sql("""
                        SELECT estate_id, 'INCIDENT.OPEN', count(*) FROM emg_incident
                         WHERE NOT drill AND opened_at < :to AND (ended_at IS NULL OR ended_at >= :to) GROUP BY estate_id
                        UNION ALL
                        SELECT i.estate_id, 'INCIDENT.LATE_REPORTS', count(*) FROM emg_report r JOIN emg_incident i ON i.id = r.incident_id
                         WHERE NOT i.drill AND r.late AND r.reported_at >= :from AND r.reported_at < :to GROUP BY i.estate_id""")
                .param("from", from).param("to", to)
                .query((rs, i) -> new DayFigure(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }
}
