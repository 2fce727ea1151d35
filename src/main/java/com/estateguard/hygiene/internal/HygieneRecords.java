package com.estateguard.hygiene.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.UploadedFile;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersion;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what was done for a task (消毒记录台账) and judges it against the plan and the policy
 * in force at that moment. Nothing entered is changed: a failed rule only marks the record.
 */
@Service
public class HygieneRecords {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    HygieneRecords(JdbcClient jdbc, OrgDirectory org, Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    /** The task a form is for: its place and day, within the user's scope. */
    public record TaskRef(long id, long estateId, LocalDate day, int slot, Instant dueAt, Place place) {
    }

    public TaskRef task(long taskId, CurrentUser user) {
        return jdbc.sql(Places.SELECT.replace("FROM hyg_place p", ", t.id AS task_id, t.task_date, t.slot, t.due_at FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id")
                        + " WHERE t.id = :id AND " + EstateScope.where("t.estate_id"))
                .param("id", taskId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> new TaskRef(rs.getLong("task_id"), rs.getLong("estate_id"), rs.getObject("task_date", LocalDate.class),
                        rs.getInt("slot"), rs.getTimestamp("due_at").toInstant(), Places.map(rs, i)))
                .optional().orElseThrow(() -> new NotFoundException("task", taskId));
    }

    /** Returns the new record's id; a second record for the same task corrects the previous one. */
    @Transactional
    public long record(long taskId, DisinfectionForm form, UploadedFile photo, CurrentUser user) {
        TaskRef task = task(taskId, user);
        EstateRef estate = org.estate(new EstateId(task.estateId()), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", task.estateId()));
        Instant doneAt = form.doneAt().atZone(zone).toInstant();
        refuseImpossible(task, doneAt);
        PolicyVersion policy = policies.inForce(estate.regionPath(), doneAt);
        Disinfection d = new Disinfection(doneAt, form.agent(), form.concentrationMgL(), form.areaM2(), form.ventilationMinutes(),
                form.wipeHeightM());
        PlaceType.Requirement requirement = task.place().type()
                .policyRequirement(policy.parameters().group(HygieneParameters.class))
                .strictest(task.place().planRequirement());
        List<Issue> issues = HygieneRule.judge(d, requirement);
        return insert(task, d, photo, issues, policy.id(), latestRecord(taskId).orElse(null), user);
    }

    private void refuseImpossible(TaskRef task, Instant doneAt) {
        if (doneAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidInputException("hyg.error.doneAtFuture");
        }
        if (!doneAt.atZone(zone).toLocalDate().equals(task.day())) {
            throw new InvalidInputException("hyg.error.doneAtDay", task.day());
        }
    }

    private long insert(TaskRef task, Disinfection d, UploadedFile photo, List<Issue> issues, long policyId, Long corrects, CurrentUser user) {
        return jdbc.sql("""
                        INSERT INTO hyg_record (task_id, estate_id, done_at, agent, concentration_mg_l, area_m2, ventilation_minutes,
                                                wipe_height_m, photo, photo_type, compliant, issues, policy_version_id, corrects_id, created_by)
                        VALUES (:task, :estate, :done, :agent, :conc, :area, :vent, :wipe, :photo, :ptype, :ok, :issues, :policy,
                                :corrects, :by) RETURNING id""")
                .param("task", task.id()).param("estate", task.estateId()).param("done", Timestamp.from(d.doneAt()))
                .param("agent", d.agent().name()).param("conc", d.concentrationMgL()).param("area", d.areaM2())
                .param("vent", d.ventilationMinutes()).param("wipe", d.wipeHeightM())
                .param("photo", photo == null ? null : photo.bytes()).param("ptype", photo == null ? null : photo.mediaType())
                .param("ok", issues.isEmpty()).param("issues", issues.stream().map(Enum::name).toArray(String[]::new))
                .param("policy", policyId).param("corrects", corrects).param("by", user.actor())
                .query(Long.class).single();
    }

    private Optional<Long> latestRecord(long taskId) {
        return jdbc.sql("SELECT id FROM hyg_record WHERE task_id = :t ORDER BY id DESC LIMIT 1").param("t", taskId).query(Long.class).optional();
    }

    /** The photo's bytes as stored; their type is read from them again when served (see {@code Uploads.serve}). */
    public byte[] photo(long recordId, CurrentUser user) {
        return jdbc.sql("SELECT photo FROM hyg_record WHERE id = :id AND photo IS NOT NULL AND "
                        + EstateScope.where("estate_id"))
                .param("id", recordId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> rs.getBytes("photo"))
                .optional().orElseThrow(() -> new NotFoundException("photo", recordId));
    }
}
