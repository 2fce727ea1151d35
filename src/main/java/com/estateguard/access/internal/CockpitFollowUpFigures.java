package com.estateguard.access.internal;

import com.estateguard.cockpit.DayFigures;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cockpit's open follow-ups per estate, as they stand (the day's row keeps the last count). */
@Component
class CockpitFollowUpFigures implements DayFigures {

    private final JdbcClient jdbc;

    CockpitFollowUpFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String family() {
        return "FOLLOWUP";
    }

    @Override
    public List<DayFigure> of(LocalDate day) {
        return jdbc.sql("SELECT estate_id, count(*) FROM access_follow_up WHERE status = 'OPEN' GROUP BY estate_id")
                .query((rs, i) -> new DayFigure(rs.getLong(1), "FOLLOWUP.OPEN", rs.getLong(2))).list();
    }
}
