package com.estateguard.hygiene.internal;

import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
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
 * Makes each day's tasks from the plans, idempotently: on demand when a day is looked at, and
 * shortly after midnight for every estate. Running it twice for a day adds nothing.
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
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (EstateRef estate : org.estates(ALL_ESTATES)) {
            try {
                ensure(estate, today, "system");
            } catch (RuntimeException e) {
                log.warn("Hygiene tasks for estate {} on {} not generated: {}", estate.id(), today, e.toString());
            }
        }
    }
}
