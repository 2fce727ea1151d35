package com.estateguard.cockpit.internal;

import com.estateguard.cockpit.CheckRollups;
import com.estateguard.cockpit.CheckRollups.HourCount;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the entry counts per estate and hour: every few seconds it folds in the check records
 * committed since its watermark, in the same transaction as the watermark moves, so a record is
 * counted once. One node at a time (a PostgreSQL advisory lock, as the evidence sealer), so that it
 * can later move to a lock library. A record is folded in only once it is {@code settle} old (2 s), so
 * one committed a moment after a record with a higher id is not stepped over; a transaction held open
 * longer than that could be, and a rebuild repairs it. A rebuild recomputes hours from the raw records
 * up to the watermark, under the same lock, and gives the same numbers.
 */
@Service
public class CheckRollupJob {

    private static final Logger log = LoggerFactory.getLogger(CheckRollupJob.class);
    /** The advisory lock key of the cockpit's roll-ups ("CockpRol"). */
    static final long LOCK = 0x436f636b70526f6cL;
    private static final int BATCH = 5000;
    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("[A-Za-z0-9._]+");

    private final CheckRollups source;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration settle;
    private final RegionRollups regions;

    CheckRollupJob(CheckRollups source, JdbcClient jdbc, PlatformTransactionManager transactions,
                   @Value("${estateguard.cockpit.settle:PT2S}") Duration settle, RegionRollups regions) {
        this.source = source;
        this.regions = regions;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.settle = settle;
    }

    @Scheduled(fixedDelayString = "${estateguard.cockpit.roll-every:PT1S}", initialDelayString = "${estateguard.cockpit.roll-every:PT1S}")
    @SchedulerLock(name = "cockpit.checkRollup", lockAtMostFor = "PT5M")
    void rollRecent() {
        try {
            int folded;
            do {
                Integer n = transactions.execute(tx -> tryLock() ? foldOnce(settle) : 0);
                folded = n == null ? 0 : n;
            } while (folded == BATCH);
        } catch (RuntimeException e) {
            log.warn("Cockpit roll-up not advanced this round: {}", e.toString());
        }
    }

    /** Folds in every record committed so far, no matter how young (tests, and before a rebuild); waits for another node. */
    public void catchUp() {
        int folded;
        do {
            Integer n = transactions.execute(tx -> {
                lock();
                return foldOnce(Duration.ZERO);
            });
            folded = n == null ? 0 : n;
        } while (folded == BATCH);
    }

    /** Recomputes the hours in [from, to) from the raw records, replacing what was kept (the estates' and the regions' rows). */
    public void rebuild(Instant from, Instant to) {
        transactions.executeWithoutResult(tx -> {
            lock();
            regions.initialiseHours();
            long upTo = watermark();
            for (String table : new String[] {"cockpit_check_hour", "cockpit_region_check_hour"}) {
                jdbc.sql("DELETE FROM " + table + " WHERE hour >= :from AND hour < :to")
                        .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to)).update();
            }
            regions.forgetPlaces();   // an estate moved since is counted in its new regions
            write(source.recount(from, to, upTo));
        });
    }

    /** Recomputes the regions' hours in [from, to) from the estates' rows as they are kept (after an estate moved). */
    public void rebuildRegions(Instant from, Instant to) {
        transactions.executeWithoutResult(tx -> {
            lock();
            regions.initialiseHours();
            regions.rebuildHours(from, to);
        });
    }

    private int foldOnce(Duration settleFor) {
        regions.initialiseHours();
        long after = watermark();
        CheckRollups.Increment increment = source.since(after, settleFor, BATCH);
        if (increment.watermark() == after) {
            return 0;
        }
        write(increment.changes());
        jdbc.sql("UPDATE cockpit_watermark SET last_id = :id WHERE family = 'CHECK'").param("id", increment.watermark()).update();
        return increment.records();
    }

    private void write(List<HourCount> counts) {
        Map<String, HourCount> summed = new LinkedHashMap<>();
        for (HourCount c : counts) {
            summed.merge(c.estateId() + "|" + c.hour() + "|" + c.figure(), c,
                    (a, b) -> new HourCount(a.estateId(), a.hour(), a.figure(), a.n() + b.n()));
        }
        if (summed.isEmpty()) {
            return;
        }
        summed.values().stream().filter(c -> !FIGURE.matcher(c.figure()).matches()).findAny().ifPresent(c -> {
            throw new IllegalArgumentException("not a figure name: " + c.figure());
        });
        // One statement for the whole batch (arrays unnested), not one per row.
        jdbc.sql("""
                        INSERT INTO cockpit_check_hour (estate_id, hour, figure, n)
                        SELECT e, to_timestamp(h), f, n
                          FROM unnest(cast(:e AS bigint[]), cast(:h AS bigint[]), cast(:f AS text[]), cast(:n AS bigint[])) AS t(e, h, f, n)
                        ON CONFLICT (estate_id, hour, figure) DO UPDATE SET n = cockpit_check_hour.n + excluded.n""")
                .param("e", array(summed.values(), c -> Long.toString(c.estateId())))
                .param("h", array(summed.values(), c -> Long.toString(c.hour().getEpochSecond())))
                .param("f", array(summed.values(), c -> '"' + c.figure() + '"'))
                .param("n", array(summed.values(), c -> Long.toString(c.n())))
                .update();
        regions.add(summed.values());
    }

    /** A PostgreSQL array literal; figures are enum-like names (letters, digits, '.', '_'), so quoting them suffices. */
    private static String array(java.util.Collection<HourCount> counts, java.util.function.Function<HourCount, String> element) {
        return counts.stream().map(element).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private long watermark() {
        return jdbc.sql("SELECT last_id FROM cockpit_watermark WHERE family = 'CHECK'").query(Long.class).single();
    }

    private boolean tryLock() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single();
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", LOCK).query((rs, i) -> 1).list();
    }
}
