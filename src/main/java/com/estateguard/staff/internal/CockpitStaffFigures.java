package com.estateguard.staff.internal;

import com.estateguard.cockpit.DayFigures;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cockpit's staff figure per estate and day: people whose latest reading that day (as corrected) made them unfit. */
@Component
class CockpitStaffFigures implements DayFigures {

    private final JdbcClient jdbc;

    CockpitStaffFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String family() {
        return "STAFF";
    }

    @Override
    public List<DayFigure> of(LocalDate day) {
        return jdbc.sql("""
                        SELECT estate_id, count(*) FROM (
                            SELECT DISTINCT ON (h.user_id) h.estate_id, h.eligible FROM stf_health h
                             WHERE h.day = :day AND NOT EXISTS (SELECT 1 FROM stf_health c WHERE c.corrects_id = h.id)
                             ORDER BY h.user_id, h.id DESC) latest
                         WHERE NOT eligible GROUP BY estate_id""")
                .param("day", day).query((rs, i) -> new DayFigure(rs.getLong(1), "STAFF.UNFIT", rs.getLong(2))).list();
    }
}
