package com.estateguard.residents.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.tabular.RowError;
import com.estateguard.common.tabular.TabularReader;
import com.estateguard.common.tabular.TabularRow;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the register from Excel (.xlsx) or CSV in the template's columns. Every bad row is
 * reported with its row number and reason, the good rows are written, and a row equal to what the
 * register holds changes nothing, so importing the same file twice is harmless.
 */
@Service
public class ResidentImport {

    public static final List<String> COLUMNS = List.of("楼栋", "单元", "房号", "姓名", "身份证号", "手机号", "人员类别(业主/租户/房东/流动人口)",
            "无智能手机(是/否)", "门禁通行(是/否)");
    private static final int MAX_ROWS = 50_000;
    /** Rows checked, prepared and written together; small enough that writing starts soon after reading does. */
    public static final int CHUNK = 5_000;
    /** The first chunk is smaller, so the database starts writing soon after the file is opened. */
    private static final int FIRST_CHUNK = 1_000;
    /** Chunks prepared ahead of the one being written. */
    private static final int AHEAD = 2;
    private static final AtomicInteger READER_THREADS = new AtomicInteger();

    private final ResidentRegister register;
    private final ResidentWriter writer;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** The threads that read import files, one per import in progress. */
    private final ExecutorService readers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "resident-import-" + READER_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    ResidentImport(ResidentRegister register, ResidentWriter writer, JdbcClient jdbc, JsonMapper json) {
        this.register = register;
        this.writer = writer;
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Result(long batchId, int total, int added, int changed, int unchanged, List<RowError> errors, long millis) {
    }

    /**
     * Reads, checks and writes the file in one transaction: the whole file is written or nothing of it. The
     * file is read and its rows checked and encrypted on other threads, {@value #CHUNK} rows at a time (the
     * first {@value #FIRST_CHUNK}), while this thread (the transaction's) writes the chunks already
     * prepared, so PostgreSQL's work and the JVM's overlap; at most {@value #AHEAD} chunks wait. Rows are checked in file order, so the report
     * (a bad row's first reason, an ID number repeated from an earlier row) does not depend on the chunks.
     * Other writers of the estate's register wait until this import commits ({@link ResidentWriter#lockRegister}).
     */
    @Transactional
    public Result importFile(long estateId, String fileName, InputStream in, CurrentUser by) throws IOException {
        long start = System.nanoTime();
        register.estateInScope(estateId, by);
        writer.lockRegister(estateId);
        ResidentWriter.Target target = writer.target(estateId, by.actor());
        Pipeline pipeline = new Pipeline(fileName, in);
        Future<?> reading = readers.submit(pipeline::read);
        int added = 0;
        int changed = 0;
        int good = 0;
        List<RowError> errors = new ArrayList<>();
        int total;
        try {
            while (true) {
                Object next = pipeline.take();
                if (next instanceof Chunk chunk) {
                    errors.addAll(chunk.errors());
                    ResidentWriter.Written written = target.write(chunk.good());
                    added += written.added();
                    changed += written.changed();
                    good += chunk.good().size();
                } else if (next instanceof Done done) {
                    total = done.rows();
                    break;
                } else {
                    throw rethrow(((Failed) next).cause());
                }
            }
        } finally {
            pipeline.stop();
            awaitQuietly(reading);
        }
        if (total == 0) {
            throw new InvalidInputException("residents.import.empty");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long batch = jdbc.sql("""
                        INSERT INTO res_import_batch (estate_id, file_name, rows_total, rows_new, rows_changed, rows_same, rows_bad,
                                                      errors, millis, created_by)
                        VALUES (:e, :f, :t, :n, :c, :s, :b, cast(:errors AS jsonb), :ms, :by) RETURNING id""")
                .param("e", estateId).param("f", fileName).param("t", total).param("n", added).param("c", changed)
                .param("s", good - added - changed).param("b", errors.size())
                .param("errors", json.writeValueAsString(errors)).param("ms", millis).param("by", by.actor())
                .query(Long.class).single();
        return new Result(batch, total, added, changed, good - added - changed, errors, millis);
    }

    /** Rows of the file checked and ready to write: the good ones prepared, the bad ones with their reasons. */
    private record Chunk(List<ResidentWriter.Prepared> good, List<RowError> errors) {
    }

    /** The file is read: how many rows it had under the header. */
    private record Done(int rows) {
    }

    /** Reading or checking failed: the import fails with this, as if it had happened on the importing thread. */
    private record Failed(Throwable cause) {
    }

    /**
     * The reading side of one import: reads the file row by row on a reader thread, checks and prepares
     * each full chunk on every core, and hands chunks to the importing thread through a bounded queue.
     */
    private final class Pipeline {

        private final String fileName;
        private final InputStream in;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Map<String, Integer> seen = new HashMap<>();
        private List<TabularRow> rows = new ArrayList<>(CHUNK);
        private int handed;

        Pipeline(String fileName, InputStream in) {
            this.fileName = fileName;
            this.in = in;
        }

        void read() {
            try {
                int total = TabularReader.stream(fileName, in, MAX_ROWS, row -> {
                    if (stopped.get()) {
                        throw new CancellationException("the import stopped");
                    }
                    rows.add(row);
                    if (rows.size() == (handed == 0 ? FIRST_CHUNK : CHUNK)) {
                        hand(check(rows));
                        handed++;
                        rows = new ArrayList<>(CHUNK);
                    }
                });
                if (!rows.isEmpty()) {
                    hand(check(rows));
                }
                hand(new Done(total));
            } catch (Throwable failure) {
                if (!stopped.get()) {
                    try {
                        hand(new Failed(failure));
                    } catch (CancellationException stoppedMeanwhile) {
                        // The importing thread has already given up.
                    }
                }
            }
        }

        /**
         * Each row checked on its own and its ID number prepared, on every core; then, in file order, the
         * first reason of each bad row and the duplicates among the good ones (the first good row with an ID
         * number wins, across chunks).
         */
        private Chunk check(List<TabularRow> chunk) {
            Object[] checked = chunk.parallelStream().map(row -> {
                String reason = ResidentRowParser.reason(row.cells());
                return reason != null ? reason : writer.prepare(ResidentRowParser.line(row.cells()));
            }).toArray();
            List<ResidentWriter.Prepared> good = new ArrayList<>(chunk.size());
            List<RowError> errors = new ArrayList<>();
            for (int i = 0; i < checked.length; i++) {
                TabularRow row = chunk.get(i);
                String reason = checked[i] instanceof String bad ? bad : ResidentRowParser.duplicate(row.cells(), row.number(), seen);
                if (reason != null) {
                    errors.add(new RowError(row.number(), reason));
                } else {
                    good.add((ResidentWriter.Prepared) checked[i]);
                }
            }
            return new Chunk(good, errors);
        }

        private void hand(Object item) {
            try {
                while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    if (stopped.get()) {
                        throw new CancellationException("the import stopped");
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the reader was interrupted");
            }
        }

        Object take() {
            try {
                return queue.take();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", interrupted);
            }
        }

        void stop() {
            stopped.set(true);
            queue.clear();
        }
    }

    private static RuntimeException rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    /** Waits for the reader to finish (it stops at its next row once told), so no thread outlives the import. */
    private static void awaitQuietly(Future<?> reading) {
        try {
            reading.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException ignored) {
            // read() hands its own failures over; nothing else to report.
        }
    }

    @PreDestroy
    void stopReaders() {
        readers.shutdownNow();
    }

    public record Batch(long id, String estateName, String fileName, int rowsTotal, int rowsNew, int rowsChanged, int rowsSame,
                        int rowsBad, long millis, java.time.Instant createdAt, String createdBy) {
    }

    public List<Batch> recent(CurrentUser me) {
        return jdbc.sql("""
                        SELECT b.id, e.name AS estate_name, b.file_name, b.rows_total, b.rows_new, b.rows_changed, b.rows_same,
                               b.rows_bad, b.millis, b.created_at, b.created_by
                          FROM res_import_batch b JOIN org_estate e ON e.id = b.estate_id
                         WHERE\s""" + com.estateguard.org.EstateScope.where("b.estate_id") + " ORDER BY b.id DESC LIMIT 10")
                .param("scope", com.estateguard.org.EstateScope.bind(me.scopePath())).query(Batch.class).list();
    }
}
