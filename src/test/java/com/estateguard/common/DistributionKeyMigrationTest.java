package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.evidence.internal.ChainReport;
import com.estateguard.evidence.internal.EvidenceChainOf;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * V214-V218 (the register, the daily report, supplies, hygiene places and staff NATs keyed by estate) on a populated
 * database: a fresh database is migrated to V213, given the demo's estates with their rows as the suite's database
 * holds them (one snapshot) and the rows the demo has none of (passes, care records, a parcel, a superseding report, a
 * corrected movement, a terminal task), its evidence sealed by the platform's sealer, and then migrated on. Nothing is
 * lost, the new estate columns hold the referenced row's estate, the evidence chain still verifies (the sealed report
 * submissions and supply movements hash as they did), and a person still has one valid pass.
 */
@IntegrationTest
class DistributionKeyMigrationTest {

    /** The demo's rows these migrations touch, and what they hang on; care records the demo has none of. */
    private static final Map<String, String> DEMO = demoTables();
    /** Every table the migrations change or fill, counted before and after. */
    private static final List<String> COUNTED = List.of("res_household", "res_person", "res_pass", "res_parcel", "res_isolation",
            "res_isolation_check", "res_special", "res_contact_log", "report_day", "report_submission", "sup_item", "sup_movement",
            "hyg_place", "hyg_task", "hyg_terminal_task", "stf_nat", "evidence_seal");
    /** The sealed evidence tables whose keys change. */
    private static final List<String> SEALED = List.of("report_submission", "sup_movement");

    @Autowired
    EmbeddedPostgres pg;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource suite;
    @Autowired
    List<JavaMigration> javaMigrations;
    @Autowired
    JsonMapper json;
    @Autowired
    Environment env;
    @Autowired
    Clock clock;
    @Autowired
    ZoneId zone;

    @Test
    void aPopulatedDatabaseMigratesWithItsEstatesReferencesAndSealsIntact() throws Exception {
        try (MigratingDatabase db = new MigratingDatabase(pg, jdbc, javaMigrations, "213")) {
            JdbcClient old = db.old();
            db.copy(suite, DEMO);
            for (String table : List.of("res_household", "res_person", "report_submission", "sup_movement", "hyg_place", "hyg_task",
                    "stf_nat")) {
                assertThat(old.sql("SELECT count(*) FROM " + table).query(Long.class).single()).as("demo rows in %s", table).isPositive();
            }
            Map<String, Object> rows = addWhatTheDemoHasNoneOf(old);
            EvidenceChainOf chain = new EvidenceChainOf(db.dataSource(), json,
                    env.resolvePlaceholders("${estateguard.evidence.summary-key:${estateguard.crypto.id-key:}}"), clock, zone);
            chain.seal();
            assertThat(old.sql("SELECT count(*) FROM evidence_seal WHERE kind IN ('DAILY_REPORT', 'SUPPLY_MOVEMENT')")
                    .query(Long.class).single()).as("sealed before the migration").isGreaterThanOrEqualTo(4);
            Map<String, Long> counts = MigratingDatabase.counts(old, COUNTED);
            Map<String, String> hashes = MigratingDatabase.contentHashes(old, SEALED);
            assertThat(MigratingDatabase.keyOf(old, "res_person_pkey")).isEqualTo("PRIMARY KEY (id)");

            JdbcClient migrated = db.migrate();

            assertThat(MigratingDatabase.keyOf(migrated, "res_person_pkey")).isEqualTo("PRIMARY KEY (id, estate_id)");
            assertThat(MigratingDatabase.counts(migrated, COUNTED)).as("every row kept").isEqualTo(counts);
            assertThat(MigratingDatabase.contentHashes(migrated, SEALED)).as("the evidence rows hash as they did").isEqualTo(hashes);
            ChainReport report = chain.verify();
            assertThat(report.breaks()).isEmpty();
            assertThat(report.intact()).isTrue();
            assertThat(report.sealed()).isEqualTo(counts.get("evidence_seal"));
            for (String care : List.of("res_isolation", "res_special", "res_contact_log")) {
                assertThat(migrated.sql("SELECT count(*) FROM " + care + " c JOIN res_person p ON p.id = c.person_id"
                                + " AND p.estate_id = c.estate_id").query(Long.class).single())
                        .as("%s carries its person's estate", care).isEqualTo(counts.get(care)).isPositive();
            }
            assertThat(migrated.sql("SELECT count(*) FROM res_isolation_check c JOIN res_isolation i ON i.id = c.isolation_id"
                    + " AND i.estate_id = c.estate_id").query(Long.class).single()).isEqualTo(1);
            // One valid pass per person still holds.
            assertThatThrownBy(() -> migrated.sql("""
                            INSERT INTO res_pass (estate_id, person_id, issued_at, expires_at, created_by)
                            VALUES (:estate, :person, now(), now() + interval '30 days', 'test')""").params(rows).update())
                    .isInstanceOf(DuplicateKeyException.class);
        }
    }

    private static Map<String, String> demoTables() {
        String demo = "estate_id IN (SELECT id FROM org_estate WHERE created_by = 'demo-seed')";
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("org_region", "true");
        tables.put("org_company", "true");
        tables.put("org_estate", "created_by = 'demo-seed'");
        tables.put("iam_user", demo);
        tables.put("policy_version", "true");
        for (String table : List.of("res_household", "res_person", "res_pass", "res_parcel", "report_day", "report_submission",
                "sup_item", "sup_movement", "hyg_place", "hyg_task", "hyg_record", "hyg_terminal_task", "stf_health", "stf_nat")) {
            tables.put(table, demo);
        }
        tables.put("evidence_seal", demo + " AND kind IN ('DAILY_REPORT', 'SUPPLY_MOVEMENT', 'HYGIENE', 'STAFF_READING')");
        return tables;
    }

    /** At the old version, through its own references: a person's passes and care, a parcel, a report sent twice, a correction. */
    private static Map<String, Object> addWhatTheDemoHasNoneOf(JdbcClient old) {
        Map<String, Object> rows = new LinkedHashMap<>(old.sql("""
                        SELECT p.id AS person, p.estate_id AS estate, p.household_id AS household FROM res_person p
                         WHERE p.estate_id = (SELECT estate_id FROM sup_movement ORDER BY id LIMIT 1)
                           AND NOT EXISTS (SELECT 1 FROM res_pass s WHERE s.person_id = p.id) ORDER BY p.id LIMIT 1""")
                .query().singleRow());
        old.sql("""
                INSERT INTO res_pass (estate_id, person_id, issued_at, expires_at, revoked_at, revoked_by, revoke_reason, created_by)
                VALUES (:estate, :person, now() - interval '40 days', now() - interval '10 days', now() - interval '20 days', 'test',
                        '丢失', 'test'),
                       (:estate, :person, now(), now() + interval '30 days', null, null, null, 'test')""").params(rows).update();
        old.sql("""
                WITH i AS (INSERT INTO res_isolation (person_id, starts_on, ends_on, reason, created_by)
                           VALUES (:person, current_date, current_date + 14, '密接', 'test') RETURNING id)
                INSERT INTO res_isolation_check (isolation_id, day, temperature, symptoms, waste_collected, created_by)
                SELECT id, current_date, 36.6, false, true, 'test' FROM i""").params(rows).update();
        old.sql("INSERT INTO res_special (person_id, kind, staff_contact, created_by) VALUES (:person, 'ELDERLY_ALONE', '王阿姨', 'test')")
                .params(rows).update();
        old.sql("INSERT INTO res_contact_log (person_id, note, created_by) VALUES (:person, '电话回访', 'test')").params(rows).update();
        old.sql("""
                INSERT INTO res_parcel (estate_id, household_id, recipient_name, pickup_point, disinfected, created_by)
                VALUES (:estate, :household, '张三', '北门快递柜', true, 'test')""").params(rows).update();
        old.sql("""
                WITH first AS (INSERT INTO report_submission (estate_id, report_date, sections, deadline_at, late, created_by)
                               VALUES (:estate, date '2020-01-02', '[]', '2020-01-02 10:00+08', false, 'test') RETURNING id)
                INSERT INTO report_submission (estate_id, report_date, sections, deadline_at, late, supersedes_id, created_by)
                SELECT :estate, date '2020-01-02', '[]', '2020-01-02 10:00+08', false, id, 'test' FROM first""").params(rows).update();
        old.sql("""
                INSERT INTO report_day (estate_id, report_date, first_submitted_at, submissions)
                VALUES (:estate, date '2020-01-02', '2020-01-02 09:00+08', 2)""").params(rows).update();
        old.sql("""
                INSERT INTO sup_movement (item_id, estate_id, direction, quantity, occurred_at, note, corrects_id, created_by)
                SELECT item_id, estate_id, direction, quantity + 1, occurred_at, '更正', id, 'test' FROM sup_movement
                 WHERE estate_id = :estate ORDER BY id LIMIT 1""").params(rows).update();
        old.sql("""
                INSERT INTO hyg_terminal_task (closed_place_id, estate_id, place_id, place_name, drill, requested_at)
                SELECT -1, estate_id, id, name, true, now() FROM hyg_place ORDER BY id LIMIT 1""").update();
        return rows;
    }
}
