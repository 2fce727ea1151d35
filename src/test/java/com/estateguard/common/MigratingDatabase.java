package com.estateguard.common;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own on the suite's PostgreSQL, migrated to an old version, filled there and then migrated to the
 * latest: a migration tried on a populated database. Rows are copied from the suite's database in one snapshot into
 * the old version's columns. Dropped on close.
 */
final class MigratingDatabase implements AutoCloseable {

    /** A row's content as the evidence chain hashes it (EvidenceKind.CONTENT_HASH), over the alias {@code t}. */
    static final String CONTENT_HASH = "encode(sha256(convert_to(jsonb_strip_nulls(to_jsonb(t))::text, 'UTF8')), 'hex')";

    private final JdbcClient suite;
    private final String name;
    private final List<JavaMigration> javaMigrations;
    private final DriverManagerDataSource dataSource;
    private final SingleConnectionDataSource old;

    MigratingDatabase(EmbeddedPostgres pg, JdbcClient suite, List<JavaMigration> javaMigrations, String version) {
        this.suite = suite;
        this.name = "v" + version + "_" + UUID.randomUUID().toString().replace("-", "");
        this.javaMigrations = javaMigrations;
        suite.sql("CREATE DATABASE " + name).update();
        this.dataSource = new DriverManagerDataSource(pg.getJdbcUrl("postgres", name));
        this.old = new SingleConnectionDataSource(pg.getJdbcUrl("postgres", name), true);
        flyway().target(version).load().migrate();
    }

    /** The database at the old version, on one connection (closed by {@link #migrate()}). */
    JdbcClient old() {
        return JdbcClient.create(old);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Copies the rows of each table that meet its condition (SQL on the suite's, newest, schema), in the old version's
     * columns, with the references unchecked (the rows they name may lie outside the copy), and moves each table's
     * sequence past them.
     */
    void copy(DataSource from, Map<String, String> tables) throws SQLException, IOException {
        Connection into = old.getConnection();
        JdbcClient target = JdbcClient.create(new SingleConnectionDataSource(into, true));
        target.sql("SET session_replication_role = replica").update();
        try (Connection source = from.getConnection()) {
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            for (Map.Entry<String, String> table : tables.entrySet()) {
                List<String> columns = target.sql("""
                                SELECT attname FROM pg_attribute WHERE attrelid = cast(:t AS regclass) AND attnum > 0
                                   AND NOT attisdropped AND attgenerated = '' ORDER BY attnum""")
                        .param("t", table.getKey()).query(String.class).list();
                var out = new ByteArrayOutputStream();
                source.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + String.join(", ", columns) + " FROM "
                        + table.getKey() + " WHERE " + table.getValue() + ") TO STDOUT", out);
                into.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.getKey() + " (" + String.join(", ", columns)
                        + ") FROM STDIN", new ByteArrayInputStream(out.toByteArray()));
                if (columns.contains("id")) {
                    target.sql("SELECT setval(pg_get_serial_sequence(:t, 'id'), max(id)) FROM " + table.getKey()
                            + " HAVING max(id) > 0").param("t", table.getKey()).query().listOfRows();
                }
            }
            source.rollback();
        }
        target.sql("SET session_replication_role = DEFAULT").update();
    }

    /** Migrates to the latest version; the database is read through {@link #dataSource()} after. */
    JdbcClient migrate() {
        old.destroy();
        flyway().load().migrate();
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        old.destroy();
        suite.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
    }

    static Map<String, Long> counts(JdbcClient db, List<String> tables) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, db.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    /** Each row of the tables, by table and id, with its content as the evidence chain hashes it. */
    static Map<String, String> contentHashes(JdbcClient db, List<String> tables) {
        Map<String, String> hashes = new TreeMap<>();
        for (String table : tables) {
            db.sql("SELECT t.id, " + CONTENT_HASH + " AS hash FROM " + table + " t")
                    .query(rs -> {
                        hashes.put(table + ":" + rs.getLong("id"), rs.getString("hash"));
                    });
        }
        return hashes;
    }

    static String keyOf(JdbcClient db, String constraint) {
        return db.sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = :c").param("c", constraint)
                .query(String.class).single();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new));
    }
}
