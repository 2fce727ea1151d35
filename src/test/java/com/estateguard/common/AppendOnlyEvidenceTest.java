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

    /** The column naming a row of the evidence tables that have no {@code id} (and what their INSERT returns). */
    static final Map<String, String> KEY = Map.of(
            "emg_screening_sample_member", "sample_id",
            "sup_inspection_item", "inspection_id",
            "access_device_decision", "check_id",
            "evidence_purge_part", "purge_id");

    /** An incident of the estate, the parent of most emergency evidence. */
    private static final String INCIDENT = """
            WITH incident AS (INSERT INTO emg_incident (estate_id, kind, case_name, source, opened_at, opened_by)
                              VALUES (:estate, 'CONFIRMED', 'append-only test', 'NEW', :now, 'test') RETURNING id)
            """;

    /** A close contact decided in an incident, under a protocol version of the test's own. */
    private static final String CONTACT = INCIDENT + """
            ,
                 protocol AS (INSERT INTO emg_contact_protocol (name, edition, parameters, created_by)
                              VALUES ('append-only test', 'NINTH', '{}', 'test') RETURNING id),
                 contact AS (INSERT INTO emg_contact (incident_id, estate_id, identity, person_name, reasons, decision, tier,
                                                      protocol_id, decided_at, decided_by)
                             SELECT incident.id, :estate, 'append-only test', 'append-only test', 'append-only test', 'CONFIRMED', 'CLOSE',
                                    protocol.id, :now, 'test' FROM incident, protocol RETURNING id)
            """;

    /** A draft checklist template with one item, and an unqualified inspection of the estate made with it. */
    private static final String INSPECTION = """
            WITH template AS (INSERT INTO sup_template (code, name, version, status, created_by)
                              VALUES ('APPEND-ONLY-' || gen_random_uuid(), 'append-only test', 1, 'DRAFT', 'test') RETURNING id),
                 section AS (INSERT INTO sup_template_section (template_id, position, title, max_points)
                             SELECT id, 1, 'append-only test', 10 FROM template RETURNING id, template_id),
                 item AS (INSERT INTO sup_template_item (section_id, position, text, max_points, mode)
                          SELECT id, 1, 'append-only test', 10, 'ALL_OR_NOTHING' FROM section RETURNING id),
                 inspection AS (INSERT INTO sup_inspection (template_id, estate_id, kind, inspector_staff_id, inspector_name,
                                                            submitted_at, score, max_score, qualified, created_by, items_digest)
                                SELECT template_id, :estate, 'GROUP', :user, 'test', :now, 0, 10, false, 'test', 'none'
                                  FROM section RETURNING id)
            """;

    /** The rectification order of that inspection, listing its item. */
    private static final String ORDER = INSPECTION + """
            ,
                 rectification AS (INSERT INTO sup_rectification_order (inspection_id, estate_id, estate_name, company_id,
                                                                        company_name, score, status, issued_at, working_days,
                                                                        due_on, due_at)
                                   SELECT id, :estate, 'append-only test', :company, 'append-only test', 0, 'ISSUED', :now, 2,
                                          :today, :now FROM inspection RETURNING id),
                 order_item AS (INSERT INTO sup_order_item (order_id, item_id, position, text)
                                SELECT rectification.id, item.id, 1, 'append-only test' FROM rectification, item RETURNING id)
            """;

    /** A campaign over the estate's community with one phase. */
    private static final String PHASE = """
            WITH template AS (INSERT INTO sup_template (code, name, version, status, created_by)
                              VALUES ('APPEND-ONLY-' || gen_random_uuid(), 'append-only test', 1, 'DRAFT', 'test') RETURNING id),
                 campaign AS (INSERT INTO sup_campaign (name, region_id, region_path, template_id, kinds, created_at, created_by)
                              SELECT 'append-only test', :region, :regionPath, id, '{GROUP}', :now, 'test' FROM template RETURNING id),
                 phase AS (INSERT INTO sup_phase (campaign_id, position, name, starts_on)
                           SELECT id, 1, 'append-only test', :today FROM campaign RETURNING id, campaign_id)
            """;

    /** A responsibility letter published to the estate's company. */
    private static final String RECIPIENT = """
            WITH letter AS (INSERT INTO sup_letter (scope_path, city_id, title, body, questions, closing, issuer, content_text,
                                                    content_sha256, deadline_at, published_at, published_by)
                            VALUES (:regionPath, :city, 'append-only test', 'append-only test', '[]', 'append-only test', 'test',
                                    'append-only test', encode(sha256('a'), 'hex'), :now, :now, 'test') RETURNING id),
                 recipient AS (INSERT INTO sup_letter_recipient (letter_id, company_id, company_name, company_path, basis)
                               SELECT id, :company, 'append-only test', 'append-only test', 'LOCAL_HEAD_OFFICE' FROM letter
                               RETURNING id, letter_id)
            """;

    static {
        EVIDENCE.put("access_check", """
                INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                          decision, reason_codes, reasons, policy_version_id, created_by)
                VALUES (gen_random_uuid(), :estate, :entrance, :now, 'IN', 'VISITOR', '{}', 'ALLOW', '{}', '[]', :policy, 'test')
                RETURNING id""");
        EVIDENCE.put("access_device_decision", """
                WITH c AS (INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                                     decision, reason_codes, reasons, policy_version_id, created_by)
                           VALUES (gen_random_uuid(), :estate, :entrance, :now, 'IN', 'VISITOR', '{}', 'ALLOW', '{}', '[]', :policy, 'test')
                           RETURNING id, estate_id, occurred_at)
                INSERT INTO access_device_decision (check_id, estate_id, check_occurred_at, device_verdict, device_reasons, decided_at,
                                                    synced_at, synced_by, disagrees)
                SELECT id, estate_id, occurred_at, 'ALLOW', '{}', :now, :now, 'test', false FROM c RETURNING check_id""");
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
                INSERT INTO emg_leave_approval (restriction_id, incident_id, estate_id, reason, leave_from, return_by, granted_at,
                                                granted_by)
                SELECT id, incident_id, :estate, 'append-only test', :now, cast(:now AS timestamptz) + interval '1 hour', :now, 'test'
                  FROM restriction RETURNING id""");
        EVIDENCE.put("emg_recovery", """
                WITH incident AS (INSERT INTO emg_incident (estate_id, kind, case_name, source, opened_at, opened_by)
                                  VALUES (:estate, 'CONFIRMED', 'append-only test', 'NEW', :now, 'test') RETURNING id)
                INSERT INTO emg_recovery (incident_id, estate_id, estate_region_path, drill, person_key, person_name, discharged_on,
                                          recorded_at, recorded_by)
                SELECT id, :estate, 'append-only test', false, 'key', 'append-only test', :today, :now, 'test' FROM incident
                RETURNING id""");
        EVIDENCE.put("emg_incident_log", INCIDENT + """
                INSERT INTO emg_incident_log (incident_id, estate_id, at, actor, kind)
                SELECT id, :estate, :now, 'test', 'APPEND_ONLY_TEST' FROM incident RETURNING id""");
        EVIDENCE.put("emg_observation_move", INCIDENT + """
                ,
                     point AS (INSERT INTO emg_observation_point (estate_id, name, capacity, created_at, created_by)
                               VALUES (:estate, 'append-only test', 1, :now, 'test') RETURNING id)
                INSERT INTO emg_observation_move (incident_id, estate_id, point_id, person_name, moved_at, moved_by, recorded_at,
                                                  recorded_by)
                SELECT incident.id, :estate, point.id, 'append-only test', :now, 'test', :now, 'test' FROM incident, point RETURNING id""");
        EVIDENCE.put("emg_report", INCIDENT + """
                INSERT INTO emg_report (incident_id, estate_id, recipient, channel, reporter, reported_at, entered_at, entered_by,
                                        deadline_at, late)
                SELECT id, :estate, 'CDC', 'PHONE', 'test', :now, :now, 'test', :now, false FROM incident RETURNING id""");
        EVIDENCE.put("emg_contact_protocol", """
                INSERT INTO emg_contact_protocol (name, edition, parameters, created_by)
                VALUES ('append-only test', 'NINTH', '{}', 'test') RETURNING id""");
        EVIDENCE.put("emg_contact_nat", CONTACT + """
                INSERT INTO emg_contact_nat (contact_id, estate_id, sampled_on, positive, recorded_at, recorded_by)
                SELECT id, :estate, :today, false, :now, 'test' FROM contact RETURNING id""");
        EVIDENCE.put("emg_contact_health", CONTACT + """
                INSERT INTO emg_contact_health (contact_id, estate_id, day, temperature, recorded_at, recorded_by)
                SELECT id, :estate, :today, 36.5, :now, 'test' FROM contact RETURNING id""");
        EVIDENCE.put("emg_screening_round", INCIDENT + """
                INSERT INTO emg_screening_round (incident_id, estate_id, number, starts_at, ends_at, created_by)
                SELECT id, :estate, 1, :now, cast(:now AS timestamptz) + interval '1 hour', 'test' FROM incident RETURNING id""");
        EVIDENCE.put("emg_screening_sample", INCIDENT + """
                ,
                     round AS (INSERT INTO emg_screening_round (incident_id, estate_id, number, starts_at, ends_at, created_by)
                               SELECT id, :estate, 1, :now, cast(:now AS timestamptz) + interval '1 hour', 'test' FROM incident
                               RETURNING id)
                INSERT INTO emg_screening_sample (round_id, estate_id, code, pooled, result, sampled_at, created_by)
                SELECT id, :estate, 'append-only test', false, 'NEGATIVE', :now, 'test' FROM round RETURNING id""");
        EVIDENCE.put("emg_screening_sample_member", INCIDENT + """
                ,
                     round AS (INSERT INTO emg_screening_round (incident_id, estate_id, number, starts_at, ends_at, created_by)
                               SELECT id, :estate, 1, :now, cast(:now AS timestamptz) + interval '1 hour', 'test' FROM incident
                               RETURNING id),
                     sample AS (INSERT INTO emg_screening_sample (round_id, estate_id, code, pooled, result, sampled_at, created_by)
                                SELECT id, :estate, 'append-only test', true, 'NEGATIVE', :now, 'test' FROM round RETURNING id)
                INSERT INTO emg_screening_sample_member (sample_id, estate_id, person_ref)
                SELECT id, :estate, 'R1' FROM sample RETURNING sample_id""");
        EVIDENCE.put("emg_place_assessment", INCIDENT + """
                ,
                     place AS (INSERT INTO emg_closed_place (incident_id, estate_id, name, closed_at, closed_by)
                               SELECT id, :estate, 'append-only test', :now, 'test' FROM incident RETURNING id)
                INSERT INTO emg_place_assessment (closed_place_id, estate_id, assessor, passed, photo, photo_type, assessed_at,
                                                  created_by)
                SELECT id, :estate, 'test', true, decode('00', 'hex'), 'image/jpeg', :now, 'test' FROM place RETURNING id""");
        EVIDENCE.put("hyg_terminal_record", INCIDENT + """
                ,
                     closed AS (INSERT INTO emg_closed_place (incident_id, estate_id, name, closed_at, closed_by)
                                SELECT id, :estate, 'append-only test', :now, 'test' FROM incident RETURNING id),
                     task AS (INSERT INTO hyg_terminal_task (closed_place_id, estate_id, place_name, drill, requested_at)
                              SELECT id, :estate, 'append-only test', false, :now FROM closed RETURNING id)
                INSERT INTO hyg_terminal_record (task_id, estate_id, done_at, agent, concentration_mg_l, created_by)
                SELECT id, :estate, :now, 'CHLORINE', 500, 'test' FROM task RETURNING id""");
        EVIDENCE.put("sup_inspection", INSPECTION + """
                SELECT id FROM inspection""");
        EVIDENCE.put("sup_inspection_item", INSPECTION + """
                INSERT INTO sup_inspection_item (inspection_id, item_id, entered, score, failed)
                SELECT inspection.id, item.id, 0, 0, true FROM inspection, item RETURNING inspection_id""");
        EVIDENCE.put("sup_inspection_photo", INSPECTION + """
                INSERT INTO sup_inspection_photo (inspection_id, item_id, photo, photo_type)
                SELECT inspection.id, item.id, decode('00', 'hex'), 'image/jpeg' FROM inspection, item RETURNING id""");
        EVIDENCE.put("sup_order_item", ORDER + """
                SELECT id FROM order_item""");
        EVIDENCE.put("sup_order_answer", ORDER + """
                INSERT INTO sup_order_answer (order_item_id, action, answered_by, answered_at)
                SELECT id, 'append-only test', 'test', :now FROM order_item RETURNING id""");
        EVIDENCE.put("sup_order_evidence", ORDER + """
                ,
                     answer AS (INSERT INTO sup_order_answer (order_item_id, action, answered_by, answered_at)
                                SELECT id, 'append-only test', 'test', :now FROM order_item RETURNING id)
                INSERT INTO sup_order_evidence (answer_id, file, file_type, uploaded_by, uploaded_at)
                SELECT id, decode('00', 'hex'), 'image/jpeg', 'test', :now FROM answer RETURNING id""");
        EVIDENCE.put("sup_interview", ORDER + """
                INSERT INTO sup_interview (order_id, held_at, held_by, with_whom, notes, recorded_by, recorded_at)
                SELECT id, :now, 'test', 'append-only test', 'append-only test', 'test', :now FROM rectification RETURNING id""");
        EVIDENCE.put("sup_sanction", INSPECTION + """
                INSERT INTO sup_sanction (company_id, company_name, estate_id, estate_name, kind, inspection_id, imposed_on, reason,
                                          imposed_by, imposed_at)
                SELECT :company, 'append-only test', :estate, 'append-only test', 'CIRCULATED_CRITICISM', id, :today,
                       'append-only test', 'test', :now FROM inspection RETURNING id""");
        EVIDENCE.put("sup_spot_selection", PHASE + """
                INSERT INTO sup_spot_selection (campaign_id, phase_id, kind, seed, population, estate_ids, selected_by, selected_at)
                SELECT campaign_id, id, 'SPOT_CHECK', 1, 1, ARRAY[cast(:estate AS bigint)], 'test', :now FROM phase RETURNING id""");
        EVIDENCE.put("sup_circular", PHASE + """
                INSERT INTO sup_circular (campaign_id, phase_id, scope_path, title, figures, published_at, published_by)
                SELECT campaign_id, id, :regionPath, 'append-only test', '{}', :now, 'test' FROM phase RETURNING id""");
        EVIDENCE.put("sup_letter", RECIPIENT + """
                SELECT letter_id FROM recipient""");
        EVIDENCE.put("sup_letter_signature", RECIPIENT + """
                INSERT INTO sup_letter_signature (recipient_id, letter_id, signer_user_id, signer_username, signer_name, signature,
                                                  answers, content_sha256, signed_at, late)
                SELECT id, letter_id, :user, 'test', 'test', 'test', '{}', encode(sha256('a'), 'hex'), :now, false FROM recipient
                RETURNING id""");
        EVIDENCE.put("sup_letter_reminder", RECIPIENT + """
                INSERT INTO sup_letter_reminder (recipient_id, letter_id, reminded_at, reminded_by)
                SELECT id, letter_id, :now, 'test' FROM recipient RETURNING id""");
        EVIDENCE.put("audit_log", """
                INSERT INTO audit_log (occurred_at, action, actor_id, actor_name, estate_id, subject)
                VALUES (:now, 'ID_VIEW', :user, 'test', :estate, 'append-only test') RETURNING id""");
        EVIDENCE.put("evidence_seal", """
                INSERT INTO evidence_seal (kind, estate_id, day, seq, row_id, content_hash, link_hash)
                VALUES ('APPEND_ONLY_TEST', :estate, :today, 1, 1, sha256('a'), sha256('b')) RETURNING id""");
        EVIDENCE.put("evidence_purge", """
                INSERT INTO evidence_purge (id, ran_at, summary, signature, created_by)
                VALUES (nextval('evidence_purge_seq'), :now, '{}', 'none', 'test') RETURNING id""");
        EVIDENCE.put("evidence_purge_part", """
                WITH purge AS (INSERT INTO evidence_purge (id, ran_at, summary, signature, created_by)
                               VALUES (nextval('evidence_purge_seq'), :now, '{}', 'none', 'test') RETURNING id)
                INSERT INTO evidence_purge_part (purge_id, estate_id, summary, signature)
                SELECT id, :estate, '{}', 'none' FROM purge RETURNING purge_id""");
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
                String key = KEY.getOrDefault(table, "id");
                assertRefused(tx, table, "UPDATE " + table + " SET " + key + " = " + key + " WHERE " + key + " = :id", id);
                assertRefused(tx, table, "DELETE FROM " + table + " WHERE " + key + " = :id", id);
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
                   AND action_timing = 'BEFORE' AND action_orientation = 'ROW'
                   AND NOT (SELECT relispartition FROM pg_class
                             WHERE oid = cast(quote_ident(event_object_table) AS regclass))""")
                .query(rs -> {
                    guarded.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
                });
        Map<String, Set<String>> expected = new TreeMap<>();
        EVIDENCE.keySet().forEach(table -> expected.put(table, Set.of("DELETE", "UPDATE")));
        assertThat(guarded).isEqualTo(expected);
    }

    /**
     * The rows the evidence points at (the estate, its south gate, company, policy, community and city, and its guard),
     * and the clock's time.
     */
    private Map<String, Object> references(TestData.Estate estate) {
        return Map.of("now", Timestamp.from(clock.instant()), "today", clock.today(), "estate", estate.id(),
                "entrance", estate.southGate(), "region", estate.regions().community(), "regionPath", estate.regionPath(),
                "city", estate.regions().city(),
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
