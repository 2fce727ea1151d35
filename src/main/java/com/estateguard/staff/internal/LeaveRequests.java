package com.estateguard.staff.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Approval before a staff member leaves town, and their report on return (STF-05). */
@Service
public class LeaveRequests {

    public record LeaveForm(@NotNull(message = "{stf.error.person}") Long userId,
                            @NotBlank(message = "{stf.error.destination}") @Size(max = 60, message = "{stf.error.destination}") String destination,
                            @NotNull(message = "{stf.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leaveOn,
                            @NotNull(message = "{stf.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate backOn,
                            @NotBlank(message = "{stf.error.reason}") @Size(max = 200, message = "{stf.error.reason}") String reason) {
    }

    public record Leave(long id, String name, String destination, LocalDate leaveOn, LocalDate backOn, String reason,
                        LeaveStatus status, String decidedBy, LocalDate returnedOn, String returnReport) {
    }

    private final JdbcClient jdbc;
    private final StaffHealth health;
    private final DutyRoster roster;

    LeaveRequests(JdbcClient jdbc, StaffHealth health, DutyRoster roster) {
        this.jdbc = jdbc;
        this.health = health;
        this.roster = roster;
    }

    public long request(long estateId, LeaveForm form, CurrentUser user) {
        health.estate(estateId, user);
        if (roster.staffOf(estateId).stream().noneMatch(m -> m.id() == form.userId())) {
            throw new InvalidInputException("stf.error.notStaff");
        }
        if (form.backOn().isBefore(form.leaveOn())) {
            throw new InvalidInputException("stf.error.backBeforeLeave");
        }
        return jdbc.sql("""
                        INSERT INTO stf_leave (estate_id, user_id, destination, leave_on, back_on, reason, status, created_by)
                        VALUES (:e, :u, :d, :l, :b, :r, 'REQUESTED', :by) RETURNING id""")
                .param("e", estateId).param("u", form.userId()).param("d", form.destination().trim()).param("l", form.leaveOn())
                .param("b", form.backOn()).param("r", form.reason().trim()).param("by", user.actor()).query(Long.class).single();
    }

    @Transactional
    public void decide(long id, boolean approve, CurrentUser user) {
        LeaveStatus next = status(id, user).decide(approve);
        jdbc.sql("UPDATE stf_leave SET status = :s, decided_at = now(), decided_by = :by, updated_at = now(), updated_by = :by WHERE id = :id")
                .param("s", next.name()).param("by", user.actor()).param("id", id).update();
    }

    @Transactional
    public void reportReturn(long id, LocalDate returnedOn, String report, CurrentUser user) {
        if (returnedOn == null || report == null || report.isBlank() || report.length() > 500) {
            throw new InvalidInputException("stf.error.returnReport");
        }
        LeaveStatus next = status(id, user).reportReturn();
        jdbc.sql("""
                        UPDATE stf_leave SET status = :s, returned_on = :on, return_report = :r, updated_at = now(), updated_by = :by
                         WHERE id = :id""")
                .param("s", next.name()).param("on", returnedOn).param("r", report.trim()).param("by", user.actor()).param("id", id).update();
    }

    private LeaveStatus status(long id, CurrentUser user) {
        return jdbc.sql("SELECT status FROM stf_leave WHERE id = :id AND " + EstateScope.where("estate_id") + " FOR UPDATE")
                .param("id", id).param("scope", EstateScope.bind(user.scopePath())).query(String.class).optional()
                .map(LeaveStatus::valueOf).orElseThrow(() -> new NotFoundException("leave", id));
    }

    public List<Leave> of(long estateId, CurrentUser user) {
        return jdbc.sql("""
                        SELECT l.id, u.display_name, l.destination, l.leave_on, l.back_on, l.reason, l.status, l.decided_by,
                               l.returned_on, l.return_report
                          FROM stf_leave l JOIN identity_staff u ON u.id = l.user_id
                         WHERE l.estate_id = :e AND\s""" + EstateScope.where("l.estate_id") + "\nORDER BY l.leave_on DESC, l.id DESC LIMIT 100")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> new Leave(rs.getLong("id"), rs.getString("display_name"), rs.getString("destination"),
                        rs.getObject("leave_on", LocalDate.class), rs.getObject("back_on", LocalDate.class), rs.getString("reason"),
                        LeaveStatus.valueOf(rs.getString("status")), rs.getString("decided_by"),
                        rs.getObject("returned_on", LocalDate.class), rs.getString("return_report"))).list();
    }
}
