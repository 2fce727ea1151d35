package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V152 on a database that has check records: a fresh database is migrated to V151, given records in two months (one
 * a correction of another), a follow-up, an offline device's decision, and then migrated on. Every record is in its
 * month's partition with the same id and the same content as the evidence chain hashes it, its client id beside it,
 * and the references carry the check's occurred_at. The records are dated by the test's clock, set mid-month; the
 * months the migration makes ahead are those of the database's own date, which it reads with now().
 */
@IntegrationTest
class CheckMonthsMigrationTest {

    @Autowired
    EmbeddedPostgres pg;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    List<JavaMigration> javaMigrations;

    private static final String HASH = "encode(sha256(convert_to(jsonb_strip_nulls(to_jsonb(t))::text, 'UTF8')), 'hex')";

    /** Mid-month and mid-day in UTC (the partitions' months) and in Shanghai: an hour earlier is still this month. */
    private static final Instant NOW = Instant.parse("2026-11-18T02:00:00Z");

    @Test
    void existingRecordsMoveIntoTheirMonthsUnchangedWithTheirReferences() throws SQLException {
        clock.set(NOW);
        TestData.Estate estate = data.estate(PolicyPreset.BEIJING_2022);
        long policy = jdbc.sql("SELECT id FROM policy_version WHERE scope_path = :p").param("p", estate.regionPath())
                .query(Long.class).single();
        String db = "v152_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE DATABASE " + db).update();
        var ds = new DriverManagerDataSource(pg.getJdbcUrl("postgres", db));
        var one = new SingleConnectionDataSource(pg.getJdbcUrl("postgres", db), true);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                    .target("151").load().migrate();
            JdbcClient old = JdbcClient.create(one);
            // The rows the records point at, copied from the suite's database (their own references are not needed).
            old.sql("SET session_replication_role = replica").update();
            copy(old, "org_estate", estate.id());
            copy(old, "org_entrance", estate.southGate());
            copy(old, "policy_version", policy);
            old.sql("SET session_replication_role = DEFAULT").update();

            Instant now = clock.instant();
            YearMonth thisMonth = YearMonth.from(now.atZone(ZoneOffset.UTC));
            Instant earlier = thisMonth.minusMonths(2).atDay(20).atTime(8, 0).toInstant(ZoneOffset.UTC);
            long first = insert(old, estate, policy, earlier, null);
            long correction = insert(old, estate, policy, earlier.plus(5, ChronoUnit.MINUTES), first);
            long recent = insert(old, estate, policy, now.minus(1, ChronoUnit.HOURS), null);
            old.sql("""
                            INSERT INTO access_follow_up (check_id, estate_id, kind, reason_codes, created_by)
                            VALUES (:c, :e, 'REPORT_COMMUNITY', '{FEVER}', 'test')""").param("c", first).param("e", estate.id()).update();
            old.sql("""
                            INSERT INTO access_device_decision (check_id, estate_id, device_verdict, device_reasons, decided_at,
                                                                synced_at, synced_by, disagrees)
                            VALUES (:c, :e, 'REFUSE', '{FEVER}', :at, :at, 'test', true)""")
                    .param("c", recent).param("e", estate.id()).param("at", Timestamp.from(now)).update();
            Map<Long, String> before = hashes(old);
            one.destroy();

            // The months V152 makes ahead are cut from the database's now() while it runs, between these two reads.
            YearMonth dbMonthBefore = databaseMonth(ds);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                    .load().migrate();
            YearMonth dbMonthAfter = databaseMonth(ds);

            JdbcClient moved = JdbcClient.create(ds);
            assertThat(moved.sql("SELECT relkind::text FROM pg_class WHERE relname = 'access_check'").query(String.class).single())
                    .as("partitioned").isEqualTo("p");
            assertThat(partition(moved, first)).isEqualTo(name(thisMonth.minusMonths(2)));
            assertThat(partition(moved, correction)).isEqualTo(name(thisMonth.minusMonths(2)));
            assertThat(partition(moved, recent)).isEqualTo(name(thisMonth));
            assertThat(hashes(moved)).as("same ids, same content").isEqualTo(before);
            assertThat(moved.sql("SELECT count(*) FROM access_check_client k JOIN access_check c ON c.id = k.check_id"
                            + " AND c.estate_id = k.estate_id AND c.occurred_at = k.occurred_at AND c.client_id = k.client_id")
                    .query(Long.class).single()).isEqualTo(3);
            assertThat(moved.sql("SELECT count(*) FROM access_follow_up f JOIN access_check c ON c.id = f.check_id"
                    + " AND c.occurred_at = f.check_occurred_at WHERE f.check_id = :c").param("c", first)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(moved.sql("SELECT check_occurred_at FROM access_follow_up WHERE check_id = :c").param("c", first)
                    .query(Timestamp.class).single().toInstant()).isEqualTo(earlier);
            assertThat(moved.sql("SELECT count(*) FROM access_device_decision d JOIN access_check c ON c.id = d.check_id"
                    + " AND c.occurred_at = d.check_occurred_at WHERE d.check_id = :c").param("c", recent)
                    .query(Long.class).single()).isEqualTo(1);
            List<String> partitions = moved.sql("SELECT inhrelid::regclass::text FROM pg_inherits"
                    + " WHERE inhparent = 'access_check'::regclass").query(String.class).list();
            assertThat(partitions).contains(name(thisMonth.minusMonths(2)), name(thisMonth), "access_check_default");
            assertThat(partitions).as("three months ahead of the database's date")
                    .containsAnyOf(name(dbMonthBefore.plusMonths(3)), name(dbMonthAfter.plusMonths(3)));
            assertThat(moved.sql("SELECT count(*) FROM access_check_default").query(Long.class).single()).isZero();
            // The next id follows the old ones.
            assertThat(moved.sql("SELECT nextval('access_check_id_seq')").query(Long.class).single()).isGreaterThan(recent);
        } finally {
            one.destroy();
            jdbc.sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)").update();
        }
    }

    private static long insert(JdbcClient db, TestData.Estate estate, long policy, Instant at, Long corrects) {
        return db.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                                                  evidence, decision, reason_codes, reasons, policy_version_id, corrects_check_id,
                                                  created_by)
                        VALUES (gen_random_uuid(), :e, :n, :at, 'IN', 'VISITOR', '迁移测试', '{"mask":true}', 'ALLOW', '{}', '[]', :p,
                                :corrects, 'test')
                        RETURNING id""")
                .param("e", estate.id()).param("n", estate.southGate()).param("at", Timestamp.from(at)).param("p", policy)
                .param("corrects", corrects).query(Long.class).single();
    }

    /** The database's own month (UTC), as V152 reads it. */
    private static YearMonth databaseMonth(DataSource db) {
        return YearMonth.from(JdbcClient.create(db).sql("SELECT (now() AT TIME ZONE 'UTC')::date").query(LocalDate.class).single());
    }

    private static Map<Long, String> hashes(JdbcClient db) {
        var map = new java.util.TreeMap<Long, String>();
        db.sql("SELECT t.id, " + HASH + " FROM access_check t").query(rs -> {
            map.put(rs.getLong(1), rs.getString(2));
        });
        return map;
    }

    private static String partition(JdbcClient db, long id) {
        return db.sql("SELECT tableoid::regclass::text FROM access_check WHERE id = :id").param("id", id).query(String.class).single();
    }

    private static String name(YearMonth month) {
        return "access_check_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
    }

    /** One row of the suite's database into the other, column by column. */
    private void copy(JdbcClient into, String table, long id) {
        Map<String, Object> row = jdbc.sql("SELECT * FROM " + table + " WHERE id = :id").param("id", id).query().singleRow();
        List<String> columns = new ArrayList<>(row.keySet());
        List<Object> values = new ArrayList<>();
        for (String column : columns) {
            Object value = row.get(column);
            if (value instanceof Array array) {
                try {
                    value = array.getArray();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            values.add(value);
        }
        var spec = into.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
        for (Object value : values) {
            spec = spec.param(value);
        }
        spec.update();
    }
}
