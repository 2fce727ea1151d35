package com.estateguard.supervision.internal;

import com.estateguard.cockpit.DayFigures;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cockpit's supervision figures per estate and day: rectification orders still open (issued or
 * failed at re-check) and inspections submitted up to that day within the last 30 days (campaign coverage).
 */
@Component
class CockpitSupervisionFigures implements DayFigures {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CockpitSupervisionFigures(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public String family() {
        return "SUPERVISION";
    }

    @Override
    public List<DayFigure> of(LocalDate day) {
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        Timestamp from = Timestamp.from(day.minusDays(29).atStartOfDay(zone).toInstant());
        return jdbc.sql("""
                        SELECT estate_id, 'SUPERVISION.ORDERS_OPEN', count(*) FROM sup_rectification_order
                         WHERE status IN ('ISSUED', 'ANSWERED') AND issued_at < :to GROUP BY estate_id
                        UNION ALL
                        SELECT estate_id, 'SUPERVISION.INSPECTED', count(*) FROM sup_inspection
                         WHERE submitted_at >= :from AND submitted_at < :to AND corrects_id IS NULL GROUP BY estate_id""")
                .param("from", from).param("to", to)
                .query((rs, i) -> new DayFigure(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }
}
