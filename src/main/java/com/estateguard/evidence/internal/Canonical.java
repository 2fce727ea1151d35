package com.estateguard.evidence.internal;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the database renders a row for its content hash depends on two session settings: the time
 * zone (timestamptz) and bytea_output. Sealing and verifying run with both fixed (UTC, hex) for the
 * transaction, so every node and every connection hashes the same row to the same bytes; the
 * caller's settings are restored after (and by the end of the transaction in any case).
 */
final class Canonical {

    private Canonical() {
    }

    static <T> T inUtc(JdbcClient jdbc, Supplier<T> work) {
        String[] before = jdbc.sql("SELECT current_setting('TimeZone'), current_setting('bytea_output')")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        set(jdbc, "UTC", "hex");
        T result = work.get();
        set(jdbc, before[0], before[1]);
        return result;
    }

    private static void set(JdbcClient jdbc, String zone, String byteaOutput) {
        jdbc.sql("SELECT set_config('TimeZone', :z, true), set_config('bytea_output', :b, true)")
                .param("z", zone).param("b", byteaOutput).query((rs, i) -> 1).list();
    }
}
