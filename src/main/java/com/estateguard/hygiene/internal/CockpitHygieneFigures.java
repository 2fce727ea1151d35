package com.estateguard.hygiene.internal;

import com.estateguard.cockpit.DayFigures;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cockpit's disinfection figures per estate and day, from the day's tasks (made just after
 * midnight) and the verdict of their latest records (kept on the task, V220), judged as the estate's
 * hygiene page judges them: tasks due, done, and not compliant (a non-compliant record, or a task
 * overdue or missed). Reads only the day's tasks, by their day's index.
 */
@Component
class CockpitHygieneFigures implements DayFigures {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    CockpitHygieneFigures(JdbcClient jdbc, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String family() {
        return "HYGIENE";
    }

    @Override
    public List<DayFigure> of(LocalDate day) {
        Instant now = clock.instant();
        boolean dayOver = TaskState.dayOver(day, now, zone);
        Map<Long, List<TaskState>> states = new HashMap<>();
        jdbc.sql("SELECT t.estate_id, t.due_at, t.latest_compliant FROM hyg_task t WHERE t.task_date = :day")
                .param("day", day)
                .query((RowCallbackHandler) rs -> states.computeIfAbsent(rs.getLong("estate_id"), k -> new ArrayList<>())
                        .add(TaskState.of(rs.getTimestamp("due_at").toInstant(), (Boolean) rs.getObject("latest_compliant"), now,
                                dayOver)));
        List<DayFigure> figures = new ArrayList<>();
        states.forEach((estate, list) -> {
            DayCompliance c = DayCompliance.of(list);
            figures.add(new DayFigure(estate, "HYGIENE.DUE", c.tasks()));
            figures.add(new DayFigure(estate, "HYGIENE.DONE", c.done()));
            figures.add(new DayFigure(estate, "HYGIENE.NON_COMPLIANT", c.nonCompliant() + c.overdue() + c.missed()));
        });
        return figures;
    }
}
