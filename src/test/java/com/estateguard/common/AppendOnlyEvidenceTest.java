package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import java.sql.SQLException;
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
 * function (V30). Rows are written in a transaction that is rolled back, so no other test sees them.
 */
@IntegrationTest
class AppendOnlyEvidenceTest {

    /** Every evidence table with an append-only trigger, and how to write one row into it. */
    static final Map<String, String> EVIDENCE = new LinkedHashMap<>();

    static {
        EVIDENCE.put("access_check", """
                INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                          decision, reason_codes, reasons, policy_version_id, created_by)
                VALUES (gen_random_uuid(), :estate, :entrance, now(), 'IN', 'VISITOR', '{}', 'ALLOW', '{}', '[]', :policy, 'test')
                RETURNING id""");
        EVIDENCE.put("hyg_record", """
                WITH place AS (INSERT INTO hyg_place (estate_id, name, place_type, times_per_day, agent, created_by)
                               VALUES (:estate, 'append-only test', 'LOBBY', 1, 'VENTILATION_ONLY', 'test') RETURNING id),
                     task AS (INSERT INTO hyg_task (place_id, estate_id, task_date, slot, due_at, created_by)
                              SELECT id, :estate, current_date, 1, now(), 'test' FROM place RETURNING id)
                INSERT INTO hyg_record (task_id, estate_id, done_at, agent, area_m2, ventilation_minutes, compliant, issues,
                                        policy_version_id, created_by)
                SELECT id, :estate, now(), 'VENTILATION_ONLY', 10, 30, true, '{}', :policy, 'test' FROM task RETURNING id""");
        EVIDENCE.put("hyg_waste_movement", """
                WITH container AS (INSERT INTO hyg_waste_container (estate_id, name, waste_kind, location, created_by)
                                   VALUES (:estate, 'append-only test', 'MASKS_GLOVES', 'gate', 'test') RETURNING id)
                INSERT INTO hyg_waste_movement (container_id, estate_id, kind, occurred_at, weight_kg, created_by)
                SELECT id, :estate, 'COLLECTION', now(), 1, 'test' FROM container RETURNING id""");
        EVIDENCE.put("report_submission", """
                INSERT INTO report_submission (estate_id, report_date, sections, deadline_at, late, created_by)
                VALUES (:estate, current_date, '{}', now(), false, 'test') RETURNING id""");
        EVIDENCE.put("sup_movement", """
                WITH item AS (INSERT INTO sup_item (estate_id, name, category, unit, created_by)
                              VALUES (:estate, 'append-only test', 'MASK', 'box', 'test') RETURNING id)
                INSERT INTO sup_movement (item_id, estate_id, direction, quantity, occurred_at, created_by)
                SELECT id, :estate, 'IN', 1, now(), 'test' FROM item RETURNING id""");
        EVIDENCE.put("sup_spending", """
                INSERT INTO sup_spending (company_id, spent_on, amount, purpose, created_by)
                VALUES (:company, current_date, 1, 'append-only test', 'test') RETURNING id""");
        EVIDENCE.put("stf_health", """
                INSERT INTO stf_health (estate_id, user_id, day, period, temperature_c, exposure, limit_c, eligible, reasons,
                                        policy_version_id, created_by)
                VALUES (:estate, :user, current_date, 'MORNING', 36.5, false, 37.3, true, '{}', :policy, 'test') RETURNING id""");
        EVIDENCE.put("stf_community_report", """
                WITH health AS (INSERT INTO stf_health (estate_id, user_id, day, period, temperature_c, exposure, limit_c,
                                                        eligible, reasons, policy_version_id, created_by)
                                VALUES (:estate, :user, current_date, 'EVENING', 37.8, false, 37.3, false, '{FEVER}',
                                        :policy, 'test') RETURNING id)
                INSERT INTO stf_community_report (estate_id, user_id, health_id, reasons, shifts_left, shifts_led, created_by)
                SELECT :estate, :user, id, '{FEVER}', 0, 0, 'test' FROM health RETURNING id""");
        EVIDENCE.put("stf_vaccination", """
                INSERT INTO stf_vaccination (estate_id, user_id, dose, vaccinated_on, created_by)
                VALUES (:estate, :user, 1, current_date, 'test') RETURNING id""");
        EVIDENCE.put("stf_nat", """
                INSERT INTO stf_nat (estate_id, user_id, sampled_on, result, created_by)
                VALUES (:estate, :user, current_date, 'NEGATIVE', 'test') RETURNING id""");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyEvidenceTableRefusesUpdateAndDeleteNamingTheTable() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            Map<String, Object> ids = references();
            EVIDENCE.forEach((table, insert) -> {
                long id = jdbc.sql(insert).params(ids).query(Long.class).single();
                assertRefused(tx, table, "UPDATE " + table + " SET created_by = 'edited' WHERE id = :id", id);
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

    /** The rows the evidence points at: demo estate, entrance, company and policy, and a new user. */
    private Map<String, Object> references() {
        long estate = Fixtures.estate(jdbc, "阳光花园");
        long user = jdbc.sql("""
                INSERT INTO iam_user (username, password_hash, display_name, role, scope_path, estate_id, created_by)
                VALUES ('append-only-test', 'x', 'append-only test', 'GUARD', 'R/', :estate, 'test') RETURNING id""")
                .param("estate", estate).query(Long.class).single();
        return Map.of("estate", estate,
                "entrance", Fixtures.entrance(jdbc, "阳光花园", "南门"),
                "company", jdbc.sql("SELECT company_id FROM org_estate WHERE id = :e").param("e", estate).query(Long.class).single(),
                "policy", jdbc.sql("SELECT min(id) FROM policy_version").query(Long.class).single(),
                "user", user);
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
