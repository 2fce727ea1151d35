package com.estateguard.common;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list's search would read more records than a page may take time for (a rare name over a city's month, or over
 * its five million residents): the reader is asked to narrow it instead of holding a connection for minutes.
 */
public class SearchTooBroad extends DomainException {

    public SearchTooBroad() {
        super("lists.tooBroad");
    }

    /**
     * Limits every statement of the current (read-only) transaction to {@code limit}; it ends with the transaction.
     * Also plans each statement for its own values: a generic plan of a list's "param IS NULL OR …" filters, which
     * the driver's prepared statements get after five runs, reads the whole scope before filtering.
     */
    public static void limitStatements(JdbcClient jdbc, Duration limit) {
        jdbc.sql("SELECT set_config('statement_timeout', :ms, true), set_config('plan_cache_mode', 'force_custom_plan', true)")
                .param("ms", Long.toString(limit.toMillis())).query((rs, i) -> rs.getString(1)).single();
    }

    /** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014), however Spring wrapped it. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return e instanceof org.springframework.dao.QueryTimeoutException;
    }
}
