package com.estateguard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two requests acting on one row at once, made to overlap for certain: the test holds the row
 * locked, so both requests read it and then wait at their UPDATE; only when both wait is the row
 * let go. Whoever writes second then finds the version moved on. Timing decides nothing.
 */
public final class Race {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Race() {
    }

    /** The two requests' HTTP statuses, in the order given. */
    public static List<Integer> onRow(DataSource dataSource, String table, long id, IntSupplier first, IntSupplier second)
            throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            Future<Integer> a = pool.submit(first::getAsInt);
            Future<Integer> b = pool.submit(second::getAsInt);
            awaitWaitingUpdates(jdbc, table, 2);
            holder.rollback();
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitWaitingUpdates(JdbcClient jdbc, String table, int count) throws InterruptedException, SQLException {
        Instant until = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(until)) {
            long waiting = jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity
                             WHERE wait_event_type = 'Lock' AND query ILIKE 'UPDATE%' AND query ILIKE '%' || :table || '%'""")
                    .param("table", table).query(Long.class).single();
            if (waiting >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new SQLException("the two requests never both waited at their UPDATE of " + table);
    }
}
