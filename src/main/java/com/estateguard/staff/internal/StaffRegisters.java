package com.estateguard.staff.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.identity.StaffDirectory.StaffMember;
import com.estateguard.org.EstateRef;
import com.estateguard.policy.Policies;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vaccination and NAT registers (STF-03, 04) with who is overdue under the policy, and training
 * sessions with attendance (STF-06) so every checkpoint guard's training is visible.
 */
@Service
public class StaffRegisters {

    public enum NatResult { NEGATIVE, POSITIVE, PENDING }

    public record VaccinationForm(@NotNull(message = "{stf.error.person}") Long userId,
                                  @NotNull(message = "{stf.error.dose}") @Min(value = 1, message = "{stf.error.dose}") @Max(value = 10, message = "{stf.error.dose}") Integer dose,
                                  @NotNull(message = "{stf.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    }

    public record NatForm(@NotNull(message = "{stf.error.person}") Long userId,
                          @NotNull(message = "{stf.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                          @NotNull(message = "{stf.error.result}") NatResult result) {
    }

    public record TrainingForm(@NotBlank(message = "{stf.error.title}") @Size(max = 100, message = "{stf.error.title}") String title,
                               @NotNull(message = "{stf.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                               @NotBlank(message = "{stf.error.trainer}") @Size(max = 40, message = "{stf.error.trainer}") String trainer,
                               @NotEmpty(message = "{stf.error.attendees}") List<Long> attendees) {
    }

    /** One staff member across the registers. */
    public record StaffRecord(long userId, String name, String role, int doses, LocalDate lastNat, boolean natOverdue,
                              int trainings, LocalDate lastTraining) {

        public boolean guardWithoutTraining() {
            return "GUARD".equals(role) && trainings == 0;
        }
    }

    private final JdbcClient jdbc;
    private final StaffHealth health;
    private final DutyRoster roster;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    StaffRegisters(JdbcClient jdbc, StaffHealth health, DutyRoster roster, Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.health = health;
        this.roster = roster;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    /** A NAT is overdue when there is none, or the last is older than the policy's interval. */
    public static boolean natOverdue(LocalDate lastNat, LocalDate today, int intervalDays) {
        return lastNat == null || lastNat.plusDays(intervalDays).isBefore(today);
    }

    public List<StaffRecord> records(long estateId, CurrentUser user) {
        EstateRef estate = health.estate(estateId, user);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int interval = policies.inForce(estate.regionPath(), clock.instant()).parameters().group(StaffParameters.class)
                .staffNatIntervalDays();
        return roster.staffOf(estateId).stream().map(m -> record(m, today, interval)).toList();
    }

    private StaffRecord record(StaffMember m, LocalDate today, int interval) {
        long id = m.id();
        var row = jdbc.sql("""
                        SELECT (SELECT count(*) FROM stf_vaccination WHERE user_id = :u) AS doses,
                               (SELECT max(sampled_on) FROM stf_nat WHERE user_id = :u AND result <> 'PENDING') AS last_nat,
                               (SELECT count(*) FROM stf_training_attendance a WHERE a.user_id = :u) AS trainings,
                               (SELECT max(t.held_on) FROM stf_training t JOIN stf_training_attendance a ON a.training_id = t.id
                                 WHERE a.user_id = :u) AS last_training""").param("u", id).query().singleRow();
        LocalDate lastNat = row.get("last_nat") == null ? null : ((java.sql.Date) row.get("last_nat")).toLocalDate();
        LocalDate lastTraining = row.get("last_training") == null ? null : ((java.sql.Date) row.get("last_training")).toLocalDate();
        return new StaffRecord(id, m.displayName(), m.role().name(), ((Number) row.get("doses")).intValue(),
                lastNat, natOverdue(lastNat, today, interval), ((Number) row.get("trainings")).intValue(), lastTraining);
    }

    public void vaccinated(long estateId, VaccinationForm form, CurrentUser user) {
        requireStaff(estateId, Set.of(form.userId()), user);
        notFuture(form.date());
        try {
            jdbc.sql("INSERT INTO stf_vaccination (estate_id, user_id, dose, vaccinated_on, created_by) VALUES (:e, :u, :d, :on, :by)")
                    .param("e", estateId).param("u", form.userId()).param("d", form.dose()).param("on", form.date())
                    .param("by", user.actor()).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("stf.error.doseExists", form.dose());
        }
    }

    public void tested(long estateId, NatForm form, CurrentUser user) {
        requireStaff(estateId, Set.of(form.userId()), user);
        notFuture(form.date());
        jdbc.sql("INSERT INTO stf_nat (estate_id, user_id, sampled_on, result, created_by) VALUES (:e, :u, :on, :r, :by)")
                .param("e", estateId).param("u", form.userId()).param("on", form.date()).param("r", form.result().name())
                .param("by", user.actor()).update();
    }

    @Transactional
    public long trained(long estateId, TrainingForm form, CurrentUser user) {
        requireStaff(estateId, Set.copyOf(form.attendees()), user);
        notFuture(form.date());
        long id = jdbc.sql("INSERT INTO stf_training (estate_id, title, held_on, trainer, created_by) VALUES (:e, :t, :on, :tr, :by) RETURNING id")
                .param("e", estateId).param("t", form.title().trim()).param("on", form.date()).param("tr", form.trainer().trim())
                .param("by", user.actor()).query(Long.class).single();
        Set.copyOf(form.attendees()).forEach(u -> jdbc.sql(
                        "INSERT INTO stf_training_attendance (training_id, estate_id, user_id, created_by) VALUES (:t, :e, :u, :by)")
                .param("t", id).param("e", estateId).param("u", u).param("by", user.actor()).update());
        return id;
    }

    private void requireStaff(long estateId, Set<Long> userIds, CurrentUser user) {
        health.estate(estateId, user);
        Set<Long> staff = roster.staffOf(estateId).stream().map(StaffMember::id).collect(Collectors.toSet());
        if (!staff.containsAll(userIds)) {
            throw new InvalidInputException("stf.error.notStaff");
        }
    }

    private void notFuture(LocalDate date) {
        if (date.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("stf.error.future");
        }
    }
}
