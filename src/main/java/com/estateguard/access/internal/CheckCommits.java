package com.estateguard.access.internal;

import com.estateguard.access.CheckId;
import com.estateguard.access.CheckRefused;
import com.estateguard.access.Verdict;
import com.estateguard.access.internal.CheckRepository.ClientKey;
import com.estateguard.access.internal.CheckRepository.NewCheck;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyVersionId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes new checks, coalescing concurrent ones into one statement and one commit (group commit, issue 12 section 4).
 *
 * <p>A request that finds no write in progress (fewer than {@code estateguard.gate.coalesce.writers}, default 1)
 * writes at once, alone: nothing waits on a timer. Requests that arrive while the writes are in progress queue, and
 * the next writer takes up to {@code estateguard.gate.coalesce.max-batch} of them as one batch: one multi-row insert ({@link CheckRepository#insertAll}), the refusals' {@link CheckRefused}
 * published in the same transaction (so the follow-ups, which listen just before commit, are in it, and the event
 * publication registry's rows too), one commit. Each request returns only after its batch committed. A second check
 * with the same client id in the same batch (same estate) is not written: it is answered as a retry of the first,
 * after the commit, exactly as a retry racing the first would be. When the batch fails as a whole (one row's foreign
 * key, a follow-up's insert), nothing of it is stored and every request writes again on its own, in its own thread,
 * and gets its own answer or error. Listeners after commit see one commit with several checks' events, each event as
 * it would be alone.
 *
 * <p>Each waiting request sleeps on a condition of its own: a batch's commit wakes the requests in it, and the first
 * request still queued, to write the next batch; the others sleep on. (One condition for all, as before, woke every
 * waiting request at every commit, up to 60 at once at the gate's rate, to find mostly that its turn had not come:
 * twice the context switches per check, and a run queue of woken threads that delayed the next writer.)
 *
 * <p>Only checks recorded outside any transaction come here (the API's and the gate page's single check); a group, an
 * offline sync and a correction write in their caller's transaction as before ({@link CheckRecorder}).
 */
@Component
class CheckCommits {

    private static final Logger log = LoggerFactory.getLogger(CheckCommits.class);

    private final CheckRepository checks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final int maxBatch;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final int maxWriters;
    private int writing;
    private int largestBatch;
    private long batches;
    private long checksWritten;

    CheckCommits(CheckRepository checks, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                 @Value("${estateguard.gate.coalesce.enabled:true}") boolean enabled,
                 @Value("${estateguard.gate.coalesce.max-batch:64}") int maxBatch,
                 @Value("${estateguard.gate.coalesce.writers:1}") int maxWriters) {
        this.checks = checks;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.maxBatch = Math.max(1, maxBatch);
        this.maxWriters = Math.max(1, maxWriters);
    }

    boolean enabled() {
        return enabled;
    }

    /** How many checks wait for the next batch (for tests and diagnostics). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Batches written and the checks in them since start: their ratio is the mean batch (GateBenchmark reports it). */
    long[] counts() {
        lock.lock();
        try {
            return new long[] {batches, checksWritten};
        } finally {
            lock.unlock();
        }
    }

    /** Whether a batch is being written now (for tests and diagnostics). */
    boolean busy() {
        lock.lock();
        try {
            return writing > 0;
        } finally {
            lock.unlock();
        }
    }

    /** The most checks written in one batch since start (for tests and diagnostics). */
    int largestBatch() {
        lock.lock();
        try {
            return largestBatch;
        } finally {
            lock.unlock();
        }
    }

    /** A check waiting for its batch, and the condition its request sleeps on. Its fields are written and read under the lock. */
    static final class Pending {
        final NewCheck row;
        final Condition wake;
        boolean taken;
        boolean done;
        boolean alone;
        Long id;
        RuntimeException failure;

        Pending(NewCheck row, Condition wake) {
            this.row = row;
            this.wake = wake;
        }
    }

    /**
     * Stores a new check (not a correction) with the next batch, and returns once that batch committed: its id, or
     * empty when a check with its client id is stored in its estate already (a retry, or the same id earlier in the
     * same batch).
     */
    Optional<Long> write(NewCheck row) {
        Pending mine = new Pending(row, lock.newCondition());
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.done) {
                if (writing >= maxWriters || mine.taken) {   // taken: mine is in a batch being written
                    mine.wake.awaitUninterruptibly();
                    continue;
                }
                writing++;
                List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
                while (!queue.isEmpty() && batch.size() < maxBatch) {
                    Pending next = queue.poll();
                    next.taken = true;
                    batch.add(next);
                }
                largestBatch = Math.max(largestBatch, batch.size());
                batches++;
                checksWritten += batch.size();
                lock.unlock();
                try {
                    flush(batch);
                } finally {
                    lock.lock();
                    for (Pending p : batch) {
                        if (!p.done) {   // an Error on the way: each tries alone
                            p.alone = true;
                            p.done = true;
                        }
                        if (p != mine) {
                            p.wake.signal();
                        }
                    }
                    writing--;
                    Pending head = queue.peek();
                    if (head != null) {   // the next batch's writer
                        head.wake.signal();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.alone) {   // read after the lock that saw it done: nothing writes a done request's fields again
            return alone(row);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return Optional.ofNullable(mine.id);
    }

    /**
     * One batch in one transaction; the results are handed over under the lock (by the caller's finally). A batch of
     * one runs the single-row statement, so a check alone costs what it did before coalescing.
     */
    void flush(List<Pending> batch) {
        Map<ClientKey, Pending> first = new HashMap<>();
        List<NewCheck> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (first.putIfAbsent(ClientKey.of(p.row), p) == null) {
                rows.add(p.row);
            }
        }
        Map<ClientKey, Long> ids;
        try {
            ids = tx.execute(status -> {
                Map<ClientKey, Long> stored = rows.size() == 1
                        ? checks.insert(rows.get(0)).map(id -> Map.of(ClientKey.of(rows.get(0)), id)).orElse(Map.of())
                        : checks.insertAll(rows);
                for (NewCheck row : rows) {
                    Long id = stored.get(ClientKey.of(row));
                    if (id != null) {
                        refused(row, id).ifPresent(events::publishEvent);
                    }
                }
                return stored;
            });
        } catch (RuntimeException e) {
            lock.lock();
            try {
                for (Pending p : batch) {
                    if (rows.size() == 1 && batch.size() == 1) {
                        p.failure = e;
                    } else {
                        p.alone = true;
                    }
                    p.done = true;
                }
            } finally {
                lock.unlock();
            }
            if (batch.size() > 1) {
                log.debug("A batch of {} checks failed ({}); each is written again on its own", batch.size(), e.toString());
            }
            return;
        }
        lock.lock();
        try {
            for (Pending p : batch) {
                p.id = first.get(ClientKey.of(p.row)) == p ? ids.get(ClientKey.of(p.row)) : null;
                p.done = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** One check in a transaction of its own, with its refusal's event: the path of a check that cannot be batched. */
    Optional<Long> alone(NewCheck row) {
        return tx.execute(status -> {
            Optional<Long> id = checks.insert(row);
            id.flatMap(i -> refused(row, i)).ifPresent(events::publishEvent);
            return id;
        });
    }

    /** The event a stored refusal publishes (the follow-ups listen to it before commit). */
    static Optional<CheckRefused> refused(NewCheck row, long id) {
        if (row.decision().verdict() != Verdict.REFUSE) {
            return Optional.empty();
        }
        return Optional.of(new CheckRefused(new CheckId(id), new EstateId(row.estateId()), new EntranceId(row.entranceId()),
                new PolicyVersionId(row.policyVersionId()), row.decision().codes(), row.occurredAt(), row.createdBy()));
    }
}
