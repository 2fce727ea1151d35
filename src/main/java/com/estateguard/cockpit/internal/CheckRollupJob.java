package com.estateguard.cockpit.internal;

import com.estateguard.cockpit.CheckRollups;
import com.estateguard.cockpit.CheckRollups.HourCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the entry counts per estate and hour: every few seconds it folds in the check records
 * committed since its watermark, in the same transaction as the watermark moves, so a record is
 * counted once. One node at a time (a PostgreSQL advisory lock, as the evidence sealer), so that it
 * can later move to a lock library. A rebuild recomputes hours from the raw records up to the
 * watermark, under the same lock, and gives the same numbers.
 */
@Service
public class CheckRollupJob {

    private static final Logger log = LoggerFactory.getLogger(CheckRollupJob.class);
    /** The advisory lock key of the cockpit's roll-ups ("CockpRol"). */
    static final long LOCK = 0x436f636b70526f6cL;
    private static final int BATCH = 5000;

    private final CheckRollups source;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Duration settle;

    CheckRollupJob(CheckRollups source, JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
                   @Value("${estateguard.cockpit.settle:PT2S}") Duration settle) {
        this.source = source;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactions);
        this.settle = settle;
    }

    @Scheduled(fixedDelayString = "${estateguard.cockpit.roll-every:PT5S}", initialDelayString = "${estateguard.cockpit.roll-every:PT5S}")
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

    /** Recomputes the hours in [from, to) from the raw records, replacing what was kept. */
    public void rebuild(Instant from, Instant to) {
        transactions.executeWithoutResult(tx -> {
            lock();
            long upTo = watermark();
            jdbc.sql("DELETE FROM cockpit_check_hour WHERE hour >= :from AND hour < :to")
                    .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to)).update();
            write(source.recount(from, to, upTo));
        });
    }

    private int foldOnce(Duration settleFor) {
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
        List<Object[]> rows = new ArrayList<>(summed.size());
        summed.values().forEach(c -> rows.add(new Object[] {c.estateId(), java.sql.Timestamp.from(c.hour()), c.figure(), c.n()}));
        batch.batchUpdate("""
                INSERT INTO cockpit_check_hour (estate_id, hour, figure, n) VALUES (?, ?, ?, ?)
                ON CONFLICT (estate_id, hour, figure) DO UPDATE SET n = cockpit_check_hour.n + excluded.n""", rows);
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
