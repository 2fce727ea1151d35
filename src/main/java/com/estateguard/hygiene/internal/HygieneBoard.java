package com.estateguard.hygiene.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The day's tasks of an estate with their state, and compliance per estate and day (HYG, COM-03). */
@Service
public class HygieneBoard {

    private static final String TASK_ROWS = """
            SELECT t.id, t.slot, t.due_at, p.name AS place_name, p.place_type, r.id AS record_id, r.done_at, r.agent,
                   r.concentration_mg_l, r.area_m2, r.ventilation_minutes, r.wipe_height_m, r.compliant, r.issues,
                   r.photo_type, r.created_by AS recorded_by
              FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id
              LEFT JOIN LATERAL (SELECT * FROM hyg_record x WHERE x.task_id = t.id ORDER BY x.id DESC LIMIT 1) r ON true
             WHERE t.estate_id = :estate AND t.task_date = :day AND\s""";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    HygieneBoard(JdbcClient jdbc, OrgDirectory org, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    public record TaskRow(long id, int slot, Instant dueAt, String placeName, PlaceType placeType, TaskState state,
                          Long recordId, Instant doneAt, Agent agent, Integer concentrationMgL, BigDecimal areaM2,
                          Integer ventilationMinutes, BigDecimal wipeHeightM, List<Issue> issues, boolean hasPhoto,
                          String recordedBy) {
    }

    public record DayBoard(EstateRef estate, LocalDate day, List<TaskRow> tasks, DayCompliance compliance) {

        public List<TaskRow> late() {
            return tasks.stream().filter(t -> t.state().late()).toList();
        }
    }

    /** Disinfection figures of one estate and day, for the daily report. */
    public record DayTotals(DayCompliance compliance, int records, BigDecimal areaM2) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The estate's tasks of the day as stored, with their state now. Reads only: the day's tasks are made from the plan
     * by {@link HygieneTasks} (just after midnight, when a place is added, and by its catch-up), so the estate's board,
     * the region's list and the cockpit read the same tasks.
     */
    public DayBoard board(long estateId, LocalDate day, CurrentUser user) {
        EstateRef estate = org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
        Instant now = clock.instant();
        List<TaskRow> rows = jdbc.sql(TASK_ROWS + EstateScope.where("t.estate_id") + "\nORDER BY t.due_at, p.place_type, p.name")
                .param("estate", estateId).param("day", day).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> map(rs, day, now)).list();
        return new DayBoard(estate, day, rows, DayCompliance.of(rows.stream().map(TaskRow::state).toList()));
    }

    /** Figures for the daily report; the caller has checked the estate is in scope. */
    public DayTotals totals(EstateRef estate, LocalDate day) {
        Instant now = clock.instant();
        List<TaskRow> rows = jdbc.sql(TASK_ROWS + "true ORDER BY t.id").param("estate", estate.id()).param("day", day)
                .query((rs, i) -> map(rs, day, now)).list();
        List<TaskRow> done = rows.stream().filter(r -> r.recordId() != null).toList();
        BigDecimal area = done.stream().map(TaskRow::areaM2).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new DayTotals(DayCompliance.of(rows.stream().map(TaskRow::state).toList()), done.size(), area);
    }

    /** Special waste handed over to the designated disposal that day, in kg. */
    public BigDecimal wasteHandedOverKg(long estateId, LocalDate day) {
        return jdbc.sql("""
                        SELECT coalesce(sum(weight_kg), 0) FROM hyg_waste_movement
                         WHERE estate_id = :e AND kind = 'HANDOVER' AND occurred_at >= :from AND occurred_at < :to""")
                .param("e", estateId).param("from", java.sql.Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(BigDecimal.class).single();
    }

    private TaskRow map(ResultSet rs, LocalDate day, Instant now) throws SQLException {
        Instant due = rs.getTimestamp("due_at").toInstant();
        Boolean compliant = rs.getObject("record_id") == null ? null : rs.getBoolean("compliant");
        boolean dayOver = TaskState.dayOver(day, now, zone);
        Array issues = rs.getArray("issues");
        return new TaskRow(rs.getLong("id"), rs.getInt("slot"), due, rs.getString("place_name"),
                PlaceType.valueOf(rs.getString("place_type")), TaskState.of(due, compliant, now, dayOver),
                (Long) rs.getObject("record_id"),
                rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(),
                rs.getString("agent") == null ? null : Agent.valueOf(rs.getString("agent")),
                (Integer) rs.getObject("concentration_mg_l"), rs.getBigDecimal("area_m2"),
                (Integer) rs.getObject("ventilation_minutes"), rs.getBigDecimal("wipe_height_m"),
                issues == null ? List.of() : Arrays.stream((String[]) issues.getArray()).map(Issue::valueOf).toList(),
                rs.getString("photo_type") != null, rs.getString("recorded_by"));
    }
}
