package com.estateguard.hygiene.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.emergency.PlaceClosed;
import com.estateguard.org.EstateScope;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Terminal disinfection tasks (终末消毒, EMG-09): one for each place an incident closed, made when
 * emergency announces the closure, and what the cleaner did for it. Reopening the place is
 * emergency's business, after an assessment; here the ledger only keeps the work.
 */
@Service
public class TerminalDisinfection {

    public record TerminalForm(@NotNull(message = "{hyg.error.agent}") Agent agent,
                               @PositiveOrZero(message = "{hyg.error.concentration}") Integer concentrationMgL,
                               @Size(max = 200, message = "{hyg.error.note}") String note) {
    }

    /** A task with its newest record, if any. */
    public record TerminalTask(long id, Long placeId, String placeName, boolean drill, Instant requestedAt, Instant doneAt,
                               Agent agent, Integer concentrationMgL, String doneBy) {

        public boolean done() {
            return doneAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TerminalDisinfection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The task for a closed place; a repeated event adds nothing. */
    @ApplicationModuleListener
    void on(PlaceClosed closed) {
        jdbc.sql("""
                        INSERT INTO hyg_terminal_task (closed_place_id, estate_id, place_id, place_name, drill, requested_at)
                        VALUES (:c, :e, :p, :n, :d, :at) ON CONFLICT (closed_place_id, estate_id) DO NOTHING""")
                .param("c", closed.closedPlaceId()).param("e", closed.estate().value()).param("p", closed.placeId())
                .param("n", closed.placeName()).param("d", closed.drill()).param("at", Timestamp.from(closed.at())).update();
    }

    public List<TerminalTask> of(long estateId, CurrentUser user) {
        return jdbc.sql("""
                        SELECT t.id, t.place_id, t.place_name, t.drill, t.requested_at, r.done_at, r.agent, r.concentration_mg_l, r.created_by
                          FROM hyg_terminal_task t
                          LEFT JOIN LATERAL (SELECT * FROM hyg_terminal_record x WHERE x.task_id = t.id ORDER BY x.id DESC LIMIT 1) r ON true
                         WHERE t.estate_id = :e AND\s""" + EstateScope.where("t.estate_id") + "\nORDER BY t.requested_at DESC, t.id DESC LIMIT 100")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> new TerminalTask(rs.getLong("id"), (Long) rs.getObject("place_id"), rs.getString("place_name"),
                        rs.getBoolean("drill"), rs.getTimestamp("requested_at").toInstant(),
                        rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(),
                        rs.getString("agent") == null ? null : Agent.valueOf(rs.getString("agent")),
                        (Integer) rs.getObject("concentration_mg_l"), rs.getString("created_by"))).list();
    }

    /** Records the work, append-only: a later record for the same task is the newer word on it. */
    public void record(long taskId, TerminalForm form, CurrentUser user) {
        long estateId = jdbc.sql("SELECT estate_id FROM hyg_terminal_task WHERE id = :id AND " + EstateScope.where("estate_id"))
                .param("id", taskId).param("scope", EstateScope.bind(user.scopePath())).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("terminal task", taskId));
        if (form.agent() == Agent.CHLORINE && form.concentrationMgL() == null) {
            throw new InvalidInputException("hyg.error.concentration");
        }
        jdbc.sql("""
                        INSERT INTO hyg_terminal_record (task_id, estate_id, done_at, agent, concentration_mg_l, note, created_by)
                        VALUES (:t, :e, :at, :a, :c, :n, :by)""")
                .param("t", taskId).param("e", estateId).param("at", Timestamp.from(clock.instant())).param("a", form.agent().name())
                .param("c", form.concentrationMgL()).param("n", form.note() == null || form.note().isBlank() ? null : form.note().strip())
                .param("by", user.actor()).update();
    }
}
