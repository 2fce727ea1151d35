package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * V227-V232 (shifts, special waste, terminal disinfection, leave, returnees, notices and incidents keyed by estate) on a
 * populated database: a fresh database is migrated to V226, given the demo's estates with their check records, shifts,
 * waste ledger, notices and incidents as the suite's database holds them (one snapshot) and the rows the demo has none
 * of (a guard's check on a shift, a leave, a returnee's daily entry, publicity, a terminal task and its record, a
 * lockdown, a restriction with a leave approval, a recovery, a contact's health entry), its evidence sealed by the
 * platform's sealer, and then migrated on. Nothing is lost, every added estate column holds its parent row's estate, a
 * check's shift is found with the check's estate, the sealed rows hash as they did and the chain verifies, and the
 * application's conflict targets still name a unique key.
 */
@IntegrationTest
class DistributionKeyMigrationFromV226Test {

    private static final String DEMO = "estate_id IN (SELECT id FROM org_estate WHERE created_by = 'demo-seed')";
    /** Every table V227-V232 change, counted before and after; each must hold rows before. */
    private static final List<String> CHANGED = List.of("access_shift", "access_shift_member", "hyg_waste_container",
            "hyg_waste_movement", "hyg_terminal_task", "hyg_terminal_record", "stf_leave", "res_return", "res_return_health",
            "ntc_case_notice", "ntc_publicity", "ntc_room_state", "ntc_screening", "emg_incident", "emg_incident_log",
            "emg_observation_point", "emg_observation_move", "emg_report", "emg_lockdown", "emg_restriction", "emg_leave_approval",
            "emg_recovery", "emg_contact_tracing", "emg_contact", "emg_contact_nat", "emg_contact_health", "emg_screening_round",
            "emg_screening_sample", "emg_screening_sample_member", "emg_closed_place", "emg_place_assessment");
    /** The tables the evidence chain seals (EvidenceKind) that the copy holds; none of them is changed. */
    private static final List<String> SEALED = List.of("access_check", "hyg_record", "stf_health", "sup_movement", "report_submission");
    /** The tables given estate_id, each with the row it takes it from ({@code p}). */
    private static final Map<String, String> FILLED_FROM = Map.ofEntries(
            Map.entry("access_shift_member", "access_shift p ON p.id = c.shift_id"),
            Map.entry("res_return_health", "res_return p ON p.id = c.return_id"),
            Map.entry("emg_incident_log", "emg_incident p ON p.id = c.incident_id"),
            Map.entry("emg_observation_move", "emg_incident p ON p.id = c.incident_id"),
            Map.entry("emg_report", "emg_incident p ON p.id = c.incident_id"),
            Map.entry("emg_leave_approval", "emg_restriction p ON p.id = c.restriction_id"),
            Map.entry("emg_contact_tracing", "emg_incident p ON p.id = c.incident_id"),
            Map.entry("emg_contact", "emg_incident p ON p.id = c.incident_id"),
            Map.entry("emg_contact_nat", "emg_contact p ON p.id = c.contact_id"),
            Map.entry("emg_contact_health", "emg_contact p ON p.id = c.contact_id"),
            Map.entry("emg_screening_sample", "emg_screening_round p ON p.id = c.round_id"),
            Map.entry("emg_screening_sample_member", "emg_screening_sample p ON p.id = c.sample_id"),
            Map.entry("emg_place_assessment", "emg_closed_place p ON p.id = c.closed_place_id"));

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
    void aPopulatedDatabaseMigratesWithEveryRowItsEstateAndItsSeals() throws Exception {
        try (MigratingDatabase db = new MigratingDatabase(pg, jdbc, javaMigrations, "226")) {
            JdbcClient old = db.old();
            db.copy(suite, demoTables());
            Map<String, Object> rows = addWhatTheDemoHasNoneOf(old);
            EvidenceChainOf chain = new EvidenceChainOf(db.dataSource(), json,
                    env.resolvePlaceholders("${estateguard.evidence.summary-key:${estateguard.crypto.id-key:}}"), clock, zone);
            while (chain.seal() > 0) {
                // sealed in batches
            }
            Map<String, Long> counts = MigratingDatabase.counts(old, CHANGED);
            assertThat(counts).as("rows in every changed table").allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
            long sealed = old.sql("SELECT count(*) FROM evidence_seal").query(Long.class).single();
            Map<String, String> hashes = MigratingDatabase.contentHashes(old, SEALED);
            assertThat(hashes.keySet()).as("check records sealed before the migration").anyMatch(row -> row.startsWith("access_check:"));
            assertThat(sealed).isEqualTo(hashes.size());
            assertThat(MigratingDatabase.keyOf(old, "emg_incident_pkey")).isEqualTo("PRIMARY KEY (id)");

            JdbcClient migrated = db.migrate();

            assertThat(MigratingDatabase.keyOf(migrated, "emg_incident_pkey")).isEqualTo("PRIMARY KEY (id, estate_id)");
            assertThat(MigratingDatabase.counts(migrated, CHANGED)).as("every row kept").isEqualTo(counts);
            FILLED_FROM.forEach((table, parent) -> assertThat(migrated.sql("SELECT count(*) FROM " + table + " c JOIN " + parent
                            + " AND p.estate_id = c.estate_id").query(Long.class).single())
                    .as("%s carries the estate of its %s", table, parent).isEqualTo(counts.get(table)));
            assertThat(migrated.sql("""
                            SELECT count(*) FILTER (WHERE s.estate_id = c.estate_id) = count(*) AND count(*) > 0
                              FROM access_check c JOIN access_shift s ON s.id = c.shift_id""").query(Boolean.class).single())
                    .as("every check's shift is found with the check's estate").isTrue();
            assertThat(MigratingDatabase.contentHashes(migrated, SEALED)).as("the sealed rows hash as they did").isEqualTo(hashes);
            ChainReport report = chain.verify();
            assertThat(report.breaks()).isEmpty();
            assertThat(report.intact()).isTrue();
            assertThat(report.sealed()).isEqualTo(sealed);
            theConflictTargetsStillNameAUniqueKey(migrated, rows);
        }
    }

    /** The application's ON CONFLICT targets (Returnees, TerminalDisinfection) on the migrated keys: a repeat adds nothing. */
    private static void theConflictTargetsStillNameAUniqueKey(JdbcClient migrated, Map<String, Object> rows) {
        assertThat(migrated.sql("""
                        INSERT INTO res_return_health (return_id, estate_id, day, temperature, symptoms, note, created_by)
                        VALUES (:returnee, :estate, date '2020-01-02', 36.5, false, '', 'test')
                        ON CONFLICT (return_id, day, estate_id) DO NOTHING""").params(rows).update()).isZero();
        assertThat(migrated.sql("""
                        INSERT INTO hyg_terminal_task (closed_place_id, estate_id, place_name, drill, requested_at)
                        VALUES (:closed, :estate, 'again', false, now()) ON CONFLICT (closed_place_id, estate_id) DO NOTHING""")
                .params(rows).update()).isZero();
    }

    private static Map<String, String> demoTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("org_region", "true");
        tables.put("org_company", "true");
        tables.put("org_estate", "created_by = 'demo-seed'");
        tables.put("iam_user", DEMO);
        tables.put("policy_version", "true");
        tables.put("emg_contact_protocol", "created_by <> 'V87'");
        for (String table : List.of("hyg_place", "hyg_task", "sup_item")) {
            tables.put(table, DEMO);
        }
        SEALED.forEach(table -> tables.put(table, DEMO));
        CHANGED.forEach(table -> tables.put(table, DEMO));
        return tables;
    }

    /**
     * At the old version, in the demo's incident and its estate: a guard's check on a shift, a leave, a returnee with a
     * daily entry, notices, a closed place's terminal task and record, a drill lockdown, a restriction with a leave
     * approval, a recovery and a contact's health entry.
     */
    private static Map<String, Object> addWhatTheDemoHasNoneOf(JdbcClient old) {
        Map<String, Object> rows = new LinkedHashMap<>(old.sql("""
                        SELECT i.id AS incident, i.estate_id AS estate,
                               (SELECT min(u.id) FROM iam_user u WHERE u.estate_id = i.estate_id) AS "user",
                               (SELECT min(c.id) FROM emg_contact c WHERE c.incident_id = i.id) AS contact,
                               (SELECT min(s.id) FROM access_shift s WHERE s.estate_id = i.estate_id) AS shift
                          FROM emg_incident i ORDER BY i.id LIMIT 1""").query().singleRow());
        old.sql("CREATE TEMP TABLE guards_check AS SELECT * FROM access_check WHERE estate_id = :estate ORDER BY id LIMIT 1")
                .params(rows).update();
        old.sql("""
                UPDATE guards_check SET id = nextval('access_check_id_seq'), client_id = gen_random_uuid(), shift_id = :shift,
                       entrance_id = (SELECT entrance_id FROM access_shift WHERE id = :shift), device_key_id = NULL""")
                .params(rows).update();
        old.sql("INSERT INTO access_check SELECT * FROM guards_check").update();
        old.sql("""
                INSERT INTO stf_leave (estate_id, user_id, destination, leave_on, back_on, reason, status, created_by)
                VALUES (:estate, :user, '上海', date '2020-01-02', date '2020-01-05', '探亲', 'REQUESTED', 'test')""")
                .params(rows).update();
        rows.put("returnee", old.sql("""
                        WITH r AS (INSERT INTO res_return (estate_id, person_key, person_name, id_masked, from_place, risk_area,
                                                           arrival_date, observation_end, created_by)
                                   VALUES (:estate, 'migration test', '返乡人', '1101********0011', '外地', false, date '2020-01-01',
                                           date '2020-01-08', 'test') RETURNING id)
                        INSERT INTO res_return_health (return_id, day, temperature, symptoms, created_by)
                        SELECT id, date '2020-01-02', 36.5, false, 'test' FROM r RETURNING return_id""")
                .params(rows).query(Long.class).single());
        addNotices(old, rows);
        addToTheIncident(old, rows);
        return rows;
    }

    private static void addNotices(JdbcClient old, Map<String, Object> rows) {
        old.sql("""
                INSERT INTO ntc_case_notice (estate_id, kind, masked_name, building, case_date, created_by)
                VALUES (:estate, 'HOME_ISOLATION', '李某', '2号楼', date '2020-01-02', 'test')""").params(rows).update();
        old.sql("""
                INSERT INTO ntc_publicity (estate_id, channel, done_on, created_by)
                VALUES (:estate, 'BROADCAST', date '2020-01-02', 'test')""").params(rows).update();
        old.sql("INSERT INTO ntc_room_state (estate_id, room, open, created_by) VALUES (:estate, '棋牌室', false, 'test')")
                .params(rows).update();
        old.sql("""
                INSERT INTO ntc_screening (estate_id, kind, description, found_on, reported, created_by)
                VALUES (:estate, 'GATHERING', '广场舞聚集', date '2020-01-02', true, 'test')""").params(rows).update();
    }

    private static void addToTheIncident(JdbcClient old, Map<String, Object> rows) {
        rows.put("closed", old.sql("""
                        WITH p AS (INSERT INTO emg_closed_place (incident_id, estate_id, name, closed_at, closed_by)
                                   VALUES (:incident, :estate, '迁移测试：垃圾房', now(), 'test') RETURNING id, estate_id, name),
                             t AS (INSERT INTO hyg_terminal_task (closed_place_id, estate_id, place_name, drill, requested_at)
                                   SELECT id, estate_id, name, false, now() FROM p RETURNING id, estate_id, closed_place_id),
                             r AS (INSERT INTO hyg_terminal_record (task_id, estate_id, done_at, agent, concentration_mg_l, created_by)
                                   SELECT id, estate_id, now(), 'CHLORINE', 500, 'test' FROM t)
                        SELECT closed_place_id FROM t""").params(rows).query(Long.class).single());
        old.sql("""
                INSERT INTO emg_lockdown (incident_id, estate_id, drill, started_at, started_by, ended_at, ended_by)
                VALUES (:incident, :estate, true, now() - interval '1 day', 'test', now(), 'test')""").params(rows).update();
        old.sql("""
                WITH r AS (INSERT INTO emg_restriction (incident_id, estate_id, drill, person_key, person_name, tier, valid_from,
                                                        created_by)
                           VALUES (:incident, :estate, true, 'migration test', '密接', 'CLOSE_CONTACT', now() - interval '1 day', 'test')
                           RETURNING id, incident_id)
                INSERT INTO emg_leave_approval (restriction_id, incident_id, reason, leave_from, return_by, granted_at, granted_by)
                SELECT id, incident_id, '就医', now(), now() + interval '2 hours', now(), 'test' FROM r""").params(rows).update();
        old.sql("""
                INSERT INTO emg_recovery (incident_id, estate_id, estate_region_path, drill, person_key, person_name, discharged_on,
                                          recorded_at, recorded_by)
                VALUES (:incident, :estate, 'R/', true, 'migration test', '康复者', date '2020-01-02', now(), 'test')""")
                .params(rows).update();
        old.sql("""
                INSERT INTO emg_contact_health (contact_id, day, temperature, recorded_at, recorded_by)
                VALUES (:contact, date '2020-01-02', 36.6, now(), 'test')""").params(rows).update();
    }
}
