package com.estateguard.staff.internal;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
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
    private final LeaveRequestRepository repository;
    private final StaffHealth health;
    private final DutyRoster roster;
    private final OrgDirectory org;
    private final Clock clock;

    LeaveRequests(JdbcClient jdbc, LeaveRequestRepository repository, StaffHealth health, DutyRoster roster, OrgDirectory org,
                  Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.health = health;
        this.roster = roster;
        this.org = org;
        this.clock = clock;
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
    public void decide(LeaveRequestId id, boolean approve, CurrentUser user) {
        LeaveRequest leave = load(id, user);
        leave.decide(approve, user.actor(), clock.instant());
        save(leave);
    }

    @Transactional
    public void reportReturn(LeaveRequestId id, LocalDate returnedOn, String report, CurrentUser user) {
        LeaveRequest leave = load(id, user);
        leave.reportReturn(returnedOn, report, user.actor(), clock.instant());
        save(leave);
    }

    private LeaveRequest load(LeaveRequestId id, CurrentUser user) {
        return repository.findById(id.value())
                .filter(l -> org.estate(new EstateId(l.estateId()), user.scopePath()).isPresent())
                .orElseThrow(() -> new NotFoundException("leave", id.value()));
    }

    /** Two managers deciding at once: the one who saves second is told, not silently overwritten. */
    private void save(LeaveRequest leave) {
        try {
            repository.save(leave);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("leave", leave.id().value());
        }
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
