package com.estateguard.cockpit.internal;

import com.estateguard.cockpit.DayFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the ledgers' figures per estate and day: every minute each module's {@link DayFigures} are asked
 * for today's and the day's rows replaced, so a past day keeps its last values (one node at a time, an
 * advisory lock), and the regions' sums of the day with them ({@link RegionRollups}). Refreshing a day is also its rebuild.
 */
@Service
public class DayFigureJob {

    private static final Logger log = LoggerFactory.getLogger(DayFigureJob.class);
    /** The advisory lock key of the day figures ("CockpDay"). */
    static final long LOCK = 0x436f636b70446179L;

    private final List<DayFigures> families;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final RegionRollups regions;

    DayFigureJob(List<DayFigures> families, JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
                 Clock clock, ZoneId zone, RegionRollups regions) {
        this.regions = regions;
        this.families = families;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(fixedDelayString = "${estateguard.cockpit.day-figures-every:PT1M}", initialDelayString = "${estateguard.cockpit.roll-every:PT1S}")
    @SchedulerLock(name = "cockpit.dayFigures", lockAtMostFor = "PT10M")
    void refreshToday() {
        try {
            transactions.executeWithoutResult(tx -> {
                if (jdbc.sql("SELECT pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single()) {
                    refreshLocked(LocalDate.now(clock.withZone(zone)));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Cockpit day figures not refreshed this round: {}", e.toString());
        }
    }

    /** Replaces the day's figures with what the modules count now; waits for another node. */
    public void refresh(LocalDate day) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", LOCK).query((rs, i) -> 1).list();
            refreshLocked(day);
        });
    }

    private void refreshLocked(LocalDate day) {
        regions.initialiseDays();
        for (DayFigures family : families) {
            String prefix = family.family() + ".";
            List<DayFigures.DayFigure> figures;
            try {
                figures = family.of(day).stream().filter(f -> f.figure().startsWith(prefix)).toList();
            } catch (RuntimeException e) {
                log.warn("Cockpit figures {} of {} not refreshed: {}", family.family(), day, e.toString());
                continue;
            }
            jdbc.sql("DELETE FROM cockpit_day_figure WHERE day = :day AND figure LIKE :family || '.%'")
                    .param("day", day).param("family", family.family()).update();
            batch.batchUpdate("INSERT INTO cockpit_day_figure (estate_id, day, figure, n) VALUES (?, ?, ?, ?)",
                    figures.stream().map(f -> new Object[] {f.estateId(), day, f.figure(), f.n()}).toList());
        }
        regions.rebuildDay(day);
    }
}
