package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema is ready for distributed PostgreSQL (Citus, docs/SCALE.md): on the migrated schema,
 * every large table carries its distribution key, {@code estate_id}, not null, and every primary
 * key, unique constraint and unique index of it includes that column (Citus can enforce only those).
 * The exceptions are named here and in docs/SCALE.md with the reason and the way out; an exception
 * that no longer breaks the rule fails the test too, so the list stays true.
 */
@IntegrationTest
class DistributionKeyTest {

    /**
     * The tables that grow with people, days or estates (a city's hundreds of thousands to millions of rows), and the
     * estate's rows they reference: households and passes by the million, a report a day for each of 10,000 estates,
     * each estate's hygiene places and supply items, its staff's NATs and leave, shifts several an entrance a day, daily
     * waste movements, returnees and their daily entries, notices, and an incident with everything recorded in it
     * (contacts, their NATs and health entries, screening tubes and their members, restrictions, the timeline).
     */
    static final List<String> LARGE_TABLES = List.of(
            "access_check", "access_check_client", "access_follow_up", "access_shift", "access_shift_member", "evidence_seal",
            "evidence_purge_part",
            "hyg_place", "hyg_task", "hyg_record", "hyg_waste_container", "hyg_waste_movement", "hyg_terminal_task",
            "hyg_terminal_record", "stf_health", "stf_community_report", "stf_nat", "stf_leave", "res_household", "res_person",
            "res_pass", "res_special", "res_contact_log", "res_isolation", "res_isolation_check", "res_visit", "res_parcel",
            "res_return", "res_return_health", "report_day", "report_submission", "sup_item", "sup_movement",
            "ntc_case_notice", "ntc_publicity", "ntc_room_state", "ntc_screening", "emg_incident", "emg_incident_log",
            "emg_observation_point", "emg_observation_move", "emg_report", "emg_lockdown", "emg_restriction",
            "emg_leave_approval", "emg_recovery", "emg_contact_tracing", "emg_contact", "emg_contact_nat",
            "emg_contact_health", "emg_screening_round", "emg_screening_sample", "emg_screening_sample_member",
            "emg_closed_place", "emg_place_assessment", "audit_log",
            // the estate's smaller ledgers, distributed with the rest of its rows so that no query of an estate leaves its shard
            "access_device_decision", "emg_plan", "emg_plan_role", "cockpit_check_hour", "cockpit_day_figure",
            "res_visit_report", "res_return_refusal", "res_import_batch", "res_site", "res_site_worker", "res_site_visit",
            "stf_vaccination", "stf_training", "stf_training_attendance");

    /**
     * Tables with an estate_id that are not distributed by it (docs/SCALE.md section 3), and why. With LARGE_TABLES
     * this names every table that has the column, so a new one has to be placed.
     */
    static final Map<String, String> NOT_BY_ESTATE = Map.ofEntries(
            Map.entry("org_building", "reference table: the estate's buildings, small, joined by every shard"),
            Map.entry("org_entrance", "reference table: the estate's entrances, small, joined by every shard"),
            Map.entry("org_pickup_point", "reference table: the estate's parcel pick-up points, small"),
            Map.entry("iam_user", "reference table: accounts; an authority's have no estate"),
            Map.entry("iam_device_key", "reference table: the terminals' keys, read on every check"),
            Map.entry("sup_spending", "on the coordinator: a property company's spending, for an estate or the whole company"),
            Map.entry("sup_home", "on the coordinator: supervision (an authority user's home estate)"),
            Map.entry("sup_assignment", "on the coordinator: supervision (who inspects which estate in a phase)"),
            Map.entry("sup_inspection", "on the coordinator: supervision (about 100,000 a campaign for 10,000 estates)"),
            Map.entry("sup_phase_result", "on the coordinator: supervision (an estate's result in a phase)"),
            Map.entry("sup_rectification_order", "on the coordinator: supervision (an order per unqualified inspection)"),
            Map.entry("sup_sanction", "on the coordinator: supervision (a company's sanctions, the estate optional)"));

    /** Keys (table.constraint or table.index) that do not carry estate_id yet, and why. */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "audit_log.audit_log_pkey", "estate_id is null for sign-ins and authority actions: the audit log is not distributed by estate");

    /** Tables whose estate_id may be null, and why. */
    static final Map<String, String> NULLABLE_KEY = Map.of(
            "audit_log", "sign-ins and authority actions belong to no estate");

    @Autowired
    JdbcClient jdbc;

    private record Key(String table, String name, List<String> columns) {
        String qualified() {
            return table + "." + name;
        }
    }

    @Test
    void everyLargeTableCarriesTheEstateInItsPrimaryKeyAndUniqueConstraints() {
        List<String> withoutKeyColumn = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        List<String> excepted = new ArrayList<>();
        for (String table : LARGE_TABLES) {
            Boolean nullable = jdbc.sql("""
                            SELECT NOT attnotnull FROM pg_attribute
                             WHERE attrelid = cast(:t AS regclass) AND attname = 'estate_id' AND NOT attisdropped""")
                    .param("t", table).query(Boolean.class).optional().orElse(null);
            if (nullable == null || (nullable && !NULLABLE_KEY.containsKey(table))) {
                withoutKeyColumn.add(table);
            }
            List<Key> keys = keys(table);
            assertThat(keys).as("%s has a primary key", table).anyMatch(k -> k.name().endsWith("_pkey"));
            for (Key key : keys) {
                if (!key.columns().contains("estate_id")) {
                    (EXCEPTIONS.containsKey(key.qualified()) ? excepted : violations).add(key.qualified() + " " + key.columns());
                }
            }
        }
        assertThat(withoutKeyColumn).as("large tables without a not-null estate_id").isEmpty();
        assertThat(violations).as("keys of large tables without estate_id (add it, or name the exception here and in docs/SCALE.md)")
                .isEmpty();
        assertThat(excepted.stream().map(k -> k.substring(0, k.indexOf(' '))).toList())
                .as("every named exception still breaks the rule").containsExactlyInAnyOrderElementsOf(EXCEPTIONS.keySet());
    }

    @Test
    void everyTableWithAnEstateIsPlaced() {
        List<String> withEstate = jdbc.sql("""
                        SELECT c.relname FROM pg_class c
                          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'estate_id' AND NOT a.attisdropped
                         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                           AND NOT c.relispartition
                         ORDER BY 1""")
                .query(String.class).list();
        assertThat(withEstate).as("tables with estate_id: each distributed by it (LARGE_TABLES) or placed otherwise (NOT_BY_ESTATE)")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(LARGE_TABLES.stream(),
                        NOT_BY_ESTATE.keySet().stream()).toList());
    }

    /**
     * Citus accepts a foreign key between two distributed tables only when it carries the distribution column on both
     * sides: every reference to a large table's row pairs estate_id with estate_id.
     */
    @Test
    void everyReferenceToALargeTableCarriesTheEstate() {
        List<String> withoutEstate = jdbc.sql("""
                        SELECT c.conrelid::regclass::text || '.' || c.conname || ' -> ' || c.confrelid::regclass::text
                          FROM pg_constraint c
                         WHERE c.contype = 'f' AND c.conparentid = 0 AND c.confrelid::regclass::text IN (:large)
                           AND NOT EXISTS (SELECT 1 FROM unnest(c.conkey, c.confkey) AS k(referencing, referenced)
                                             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.referencing
                                             JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = k.referenced
                                            WHERE a.attname = 'estate_id' AND b.attname = 'estate_id')
                         ORDER BY 1""")
                .param("large", LARGE_TABLES).query(String.class).list();
        assertThat(withoutEstate).as("foreign keys to large tables without estate_id on both sides").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'res_person'::regclass")
                .query(Long.class).single()).as("the person's references are among those checked").isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'emg_incident'::regclass")
                .query(Long.class).single()).as("the incident's references are among those checked").isEqualTo(11);
    }

    /**
     * A check's shift is no foreign key on the partitioned check table (V213): the check carries shift_id beside its
     * estate_id, the shift's key is (id, estate_id), and access_shift refuses a DELETE, so the reference holds without a
     * look-up per inserted check.
     */
    @Test
    void aChecksShiftIsKeptByTheShiftTableWithTheEstateInItsKey() {
        assertThat(keys("access_shift")).extracting(Key::columns).containsExactly(List.of("id", "estate_id"));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_constraint
                         WHERE contype = 'f' AND conrelid = 'access_check'::regclass AND confrelid = 'access_shift'::regclass""")
                .query(Long.class).single()).as("no foreign key from the check to its shift").isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_trigger WHERE tgrelid = 'access_shift'::regclass
                           AND tgfoid = 'kept_for_checks'::regproc AND tgenabled <> 'D'""")
                .query(Long.class).single()).as("access_shift refuses a DELETE").isOne();
    }

    /** The check's client id is unique per estate: the key of access_check_client (V152), beside the partitioned table. */
    @Test
    void theChecksClientIdIsUniquePerEstate() {
        assertThat(keys("access_check_client")).extracting(Key::columns).contains(List.of("client_id", "estate_id"))
                .noneMatch(columns -> columns.equals(List.of("client_id")));
    }

    /** access_check is partitioned by month on occurred_at (V152): its primary key carries the estate and the month. */
    @Test
    void theChecksPrimaryKeyCarriesTheEstateAndThePartitionKey() {
        assertThat(keys("access_check")).extracting(Key::columns).containsExactly(List.of("id", "estate_id", "occurred_at"));
    }

    /** Primary keys, unique constraints and unique indexes (those behind no constraint), with their columns in order. */
    private List<Key> keys(String table) {
        List<Key> keys = new ArrayList<>(jdbc.sql("""
                        SELECT c.conname AS name,
                               array_to_string(array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                                                       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                                                      ORDER BY k.n), ',') AS columns
                          FROM pg_constraint c WHERE c.conrelid = cast(:t AS regclass) AND c.contype IN ('p', 'u')""")
                .param("t", table).query((rs, i) -> new Key(table, rs.getString("name"), columns(rs.getString("columns")))).list());
        keys.addAll(jdbc.sql("""
                        SELECT ci.relname AS name,
                               array_to_string(array(SELECT coalesce(a.attname, '(expression)')
                                                       FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                                                       LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                                                      ORDER BY k.n), ',') AS columns
                          FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid
                         WHERE i.indrelid = cast(:t AS regclass) AND i.indisunique
                           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")
                .param("t", table).query((rs, i) -> new Key(table, rs.getString("name"), columns(rs.getString("columns")))).list());
        return keys;
    }

    private static List<String> columns(String joined) {
        return Arrays.asList(joined.split(","));
    }
}
