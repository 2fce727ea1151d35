package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.PolicyPreset;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence tables refuse UPDATE and DELETE, all through the one {@code append_only()} trigger
 * function (V30). The rows point at an estate of the test's own, and are written in a transaction
 * that is rolled back, so no other test sees them.
 */
@IntegrationTest
class AppendOnlyEvidenceTest {

    /** Every evidence table with an append-only trigger, and how to write one row into it. */
    static final Map<String, String> EVIDENCE = new LinkedHashMap<>();

    static {
        EVIDENCE.put("access_check", """
                INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                          decision, reason_codes, reasons, policy_version_id, created_by)
                VALUES (gen_random_uuid(), :estate, :entrance, :now, 'IN', 'VISITOR', '{}', 'ALLOW', '{}', '[]', :policy, 'test')
                RETURNING id""");
        EVIDENCE.put("hyg_record", """
                WITH place AS (INSERT INTO hyg_place (estate_id, name, place_type, times_per_day, agent, created_by)
                               VALUES (:estate, 'append-only test', 'LOBBY', 1, 'VENTILATION_ONLY', 'test') RETURNING id),
                     task AS (INSERT INTO hyg_task (place_id, estate_id, task_date, slot, due_at, created_by)
                              SELECT id, :estate, :today, 1, :now, 'test' FROM place RETURNING id)
                INSERT INTO hyg_record (task_id, estate_id, done_at, agent, area_m2, ventilation_minutes, compliant, issues,
                                        policy_version_id, created_by)
                SELECT id, :estate, :now, 'VENTILATION_ONLY', 10, 30, true, '{}', :policy, 'test' FROM task RETURNING id""");
        EVIDENCE.put("hyg_waste_movement", """
                WITH container AS (INSERT INTO hyg_waste_container (estate_id, name, waste_kind, location, created_by)
                                   VALUES (:estate, 'append-only test', 'MASKS_GLOVES', 'gate', 'test') RETURNING id)
                INSERT INTO hyg_waste_movement (container_id, estate_id, kind, occurred_at, weight_kg, created_by)
                SELECT id, :estate, 'COLLECTION', :now, 1, 'test' FROM container RETURNING id""");
        EVIDENCE.put("report_submission", """
                INSERT INTO report_submission (estate_id, report_date, sections, deadline_at, late, created_by)
                VALUES (:estate, :today, '{}', :now, false, 'test') RETURNING id""");
        EVIDENCE.put("sup_movement", """
                WITH item AS (INSERT INTO sup_item (estate_id, name, category, unit, created_by)
                              VALUES (:estate, 'append-only test', 'MASK', 'box', 'test') RETURNING id)
                INSERT INTO sup_movement (item_id, estate_id, direction, quantity, occurred_at, created_by)
                SELECT id, :estate, 'IN', 1, :now, 'test' FROM item RETURNING id""");
        EVIDENCE.put("sup_spending", """
                INSERT INTO sup_spending (company_id, spent_on, amount, purpose, created_by)
                VALUES (:company, :today, 1, 'append-only test', 'test') RETURNING id""");
        EVIDENCE.put("stf_health", """
                INSERT INTO stf_health (estate_id, user_id, day, period, temperature_c, exposure, limit_c, eligible, reasons,
                                        policy_version_id, created_by)
                VALUES (:estate, :user, :today, 'MORNING', 36.5, false, 37.3, true, '{}', :policy, 'test') RETURNING id""");
        EVIDENCE.put("stf_community_report", """
                WITH health AS (INSERT INTO stf_health (estate_id, user_id, day, period, temperature_c, exposure, limit_c,
                                                        eligible, reasons, policy_version_id, created_by)
                                VALUES (:estate, :user, :today, 'EVENING', 37.8, false, 37.3, false, '{FEVER}',
                                        :policy, 'test') RETURNING id)
                INSERT INTO stf_community_report (estate_id, user_id, health_id, reasons, shifts_left, shifts_led, created_by)
                SELECT :estate, :user, id, '{FEVER}', 0, 0, 'test' FROM health RETURNING id""");
        EVIDENCE.put("stf_vaccination", """
                INSERT INTO stf_vaccination (estate_id, user_id, dose, vaccinated_on, created_by)
                VALUES (:estate, :user, 1, :today, 'test') RETURNING id""");
        EVIDENCE.put("stf_nat", """
                INSERT INTO stf_nat (estate_id, user_id, sampled_on, result, created_by)
                VALUES (:estate, :user, :today, 'NEGATIVE', 'test') RETURNING id""");
        EVIDENCE.put("emg_leave_approval", """
                WITH incident AS (INSERT INTO emg_incident (estate_id, kind, case_name, source, opened_at, opened_by)
                                  VALUES (:estate, 'CONFIRMED', 'append-only test', 'NEW', :now, 'test') RETURNING id),
                     restriction AS (INSERT INTO emg_restriction (incident_id, estate_id, drill, person_key, person_name, tier,
                                                                  valid_from, created_by)
                                     SELECT id, :estate, false, 'key', 'append-only test', 'KEY_GROUP', :now, 'test'
                                       FROM incident RETURNING id, incident_id)
                INSERT INTO emg_leave_approval (restriction_id, incident_id, reason, leave_from, return_by, granted_at, granted_by)
                SELECT id, incident_id, 'append-only test', :now, cast(:now AS timestamptz) + interval '1 hour', :now, 'test' FROM restriction RETURNING id""");
        EVIDENCE.put("emg_recovery", """
                WITH incident AS (INSERT INTO emg_incident (estate_id, kind, case_name, source, opened_at, opened_by)
                                  VALUES (:estate, 'CONFIRMED', 'append-only test', 'NEW', :now, 'test') RETURNING id)
                INSERT INTO emg_recovery (incident_id, estate_id, estate_region_path, drill, person_key, person_name, discharged_on,
                                          recorded_at, recorded_by)
                SELECT id, :estate, 'append-only test', false, 'key', 'append-only test', :today, :now, 'test' FROM incident
                RETURNING id""");
        EVIDENCE.put("audit_log", """
                INSERT INTO audit_log (occurred_at, action, actor_id, actor_name, estate_id, subject)
                VALUES (:now, 'ID_VIEW', :user, 'test', :estate, 'append-only test') RETURNING id""");
        EVIDENCE.put("evidence_seal", """
                INSERT INTO evidence_seal (kind, estate_id, day, seq, row_id, content_hash, link_hash)
                VALUES ('APPEND_ONLY_TEST', :estate, :today, 1, 1, sha256('a'), sha256('b')) RETURNING id""");
        EVIDENCE.put("evidence_purge", """
                INSERT INTO evidence_purge (id, ran_at, summary, signature, created_by)
                VALUES (nextval('evidence_purge_seq'), :now, '{}', 'none', 'test') RETURNING id""");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestData data;
    @Autowired
    OrgDirectory org;
    @Autowired
    TestClock clock;

    @Test
    void everyEvidenceTableRefusesUpdateAndDeleteNamingTheTable() {
        Map<String, Object> ids = references(data.estate(PolicyPreset.BEIJING_2022));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            EVIDENCE.forEach((table, insert) -> {
                long id = jdbc.sql(insert).params(ids).query(Long.class).single();
                assertRefused(tx, table, "UPDATE " + table + " SET id = id WHERE id = :id", id);
                assertRefused(tx, table, "DELETE FROM " + table + " WHERE id = :id", id);
            });
        });
    }

    @Test
    void oneTriggerFunctionGuardsEveryEvidenceTable() {
        List<String> functions = jdbc.sql("""
                SELECT proname FROM pg_proc
                 WHERE prorettype = 'trigger'::regtype AND prosrc ILIKE '%append-only%'""").query(String.class).list();
        assertThat(functions).containsExactly("append_only");

        Map<String, Set<String>> guarded = new TreeMap<>();
        jdbc.sql("""
                SELECT event_object_table, event_manipulation FROM information_schema.triggers
                 WHERE action_statement = 'EXECUTE FUNCTION append_only()'
                   AND action_timing = 'BEFORE' AND action_orientation = 'ROW'""")
                .query(rs -> {
                    guarded.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
                });
        Map<String, Set<String>> expected = new TreeMap<>();
        EVIDENCE.keySet().forEach(table -> expected.put(table, Set.of("DELETE", "UPDATE")));
        assertThat(guarded).isEqualTo(expected);
    }

    /** The rows the evidence points at (the estate, its south gate, company and policy, and its guard), and the clock's time. */
    private Map<String, Object> references(TestData.Estate estate) {
        return Map.of("now", Timestamp.from(clock.instant()), "today", clock.today(), "estate", estate.id(),
                "entrance", estate.southGate(),
                "company", org.estate(new EstateId(estate.id()), "R/").orElseThrow().companyId(),
                "policy", jdbc.sql("SELECT id FROM policy_version WHERE scope_path = :p").param("p", estate.regionPath())
                        .query(Long.class).single(),
                "user", estate.guard().id());
    }

    /** Runs the statement under a savepoint, since the refusal aborts the transaction. */
    private void assertRefused(TransactionStatus tx, String table, String sql, long id) {
        Object savepoint = tx.createSavepoint();
        assertThatThrownBy(() -> jdbc.sql(sql).param("id", id).update())
                .as(sql)
                .hasMessageContaining(table + " is append-only")
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("P0001"));
        tx.rollbackToSavepoint(savepoint);
    }

    private static String sqlState(Throwable e) {
        return NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
