package com.estateguard.hygiene.internal;

import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.NoPolicyException;
import com.estateguard.policy.Policies;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes each day's tasks from the plans, idempotently: shortly after midnight for every estate, at once for a place
 * added during the day, and every few minutes for any active place still without today's tasks (a node down at
 * midnight, an estate whose run failed). Pages only read the tasks. Running it twice for a day adds nothing.
 */
@Service
public class HygieneTasks {

    private static final Logger log = LoggerFactory.getLogger(HygieneTasks.class);
    private static final String ALL_ESTATES = "R/";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    HygieneTasks(JdbcClient jdbc, OrgDirectory org, Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    /** Returns how many tasks were added (0 when the day already had them). */
    @Transactional
    public int ensure(EstateRef estate, LocalDate day, String actor) {
        return make(estate, day, actor);
    }

    /**
     * Today's tasks of the estate, in the caller's transaction (a place just added); none when no policy was in force
     * at the day's start, as for the nightly job.
     */
    public int ensureToday(EstateRef estate, String actor) {
        try {
            return make(estate, today(), actor);
        } catch (NoPolicyException e) {
            return 0;
        }
    }

    private int make(EstateRef estate, LocalDate day, String actor) {
        HygieneParameters policy = policies.inForce(estate.regionPath(), day.atStartOfDay(zone).toInstant()).parameters()
                .group(HygieneParameters.class);
        List<Place> places = jdbc.sql(Places.SELECT + " WHERE p.estate_id = :estate AND p.active")
                .param("estate", estate.id()).query(Places::map).list();
        int added = 0;
        for (Place place : places) {
            int times = Math.max(place.timesPerDay(), place.type().policyRequirement(policy).timesPerDay());
            for (TaskSchedule.Slot slot : TaskSchedule.slots(day, times, zone)) {
                added += jdbc.sql("""
                                INSERT INTO hyg_task (place_id, estate_id, task_date, slot, due_at, created_by)
                                VALUES (:place, :estate, :day, :slot, :due, :by) ON CONFLICT DO NOTHING""")
                        .param("place", place.id()).param("estate", estate.id()).param("day", day)
                        .param("slot", slot.number()).param("due", java.sql.Timestamp.from(slot.dueAt())).param("by", actor)
                        .update();
            }
        }
        return added;
    }

    /** A few minutes after local midnight, on one node (ShedLock; the insert is idempotent anyway). */
    @Scheduled(cron = "${estateguard.hygiene.tasks-cron:0 5 0 * * *}", zone = "${estateguard.zone:Asia/Shanghai}")
    @SchedulerLock(name = "hygiene.generateToday", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    public void generateTodayOnSchedule() {
        generateToday();
    }

    /** Every estate's tasks for the new day. */
    public void generateToday() {
        LocalDate today = today();
        for (EstateRef estate : org.estates(ALL_ESTATES)) {
            try {
                ensure(estate, today, "system");
            } catch (RuntimeException e) {
                log.warn("Hygiene tasks for estate {} on {} not generated: {}", estate.id(), today, e.toString());
            }
        }
    }

    /** Every few minutes, on one node: today's tasks of the active places that have none yet. */
    @Scheduled(fixedDelayString = "${estateguard.hygiene.catch-up-every:PT10M}",
            initialDelayString = "${estateguard.hygiene.catch-up-delay:PT1M}")
    @SchedulerLock(name = "hygiene.catchUpToday", lockAtMostFor = "PT30M")
    public void catchUpOnSchedule() {
        catchUpToday();
    }

    /**
     * Makes today's tasks for the estates with an active place that has none (one anti-join on the tasks' unique key,
     * cheap when nothing is missing); returns how many tasks were added.
     */
    public int catchUpToday() {
        LocalDate today = today();
        List<Long> missing = jdbc.sql("""
                        SELECT DISTINCT p.estate_id FROM hyg_place p
                         WHERE p.active AND NOT EXISTS (SELECT 1 FROM hyg_task t WHERE t.place_id = p.id AND t.task_date = :day)""")
                .param("day", today).query(Long.class).list();
        int added = 0;
        int failed = 0;
        for (long id : missing) {
            try {
                added += org.estate(new EstateId(id), ALL_ESTATES).map(e -> make(e, today, "system")).orElse(0);
            } catch (RuntimeException e) {
                failed++;
            }
        }
        if (failed > 0) {
            log.warn("Hygiene tasks of {} for {} of {} estates not made (no policy in force at the day's start?)", today, failed,
                    missing.size());
        }
        return added;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
