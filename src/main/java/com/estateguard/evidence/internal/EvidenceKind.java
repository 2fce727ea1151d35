package com.estateguard.evidence.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evidence tables the chain seals (证据种类), and how each row's estate and day are read. The
 * table and column names are constants of this enum, never input, so they may be written into SQL.
 * A table's day is the day the record is about (the check's, the disinfection's, the report's), in
 * the platform's zone ({@code :zone}).
 */
enum EvidenceKind {
    CHECK("access_check", "occurred_at"),
    HYGIENE("hyg_record", "done_at"),
    STAFF_READING("stf_health", null, "t.day"),
    SUPPLY_MOVEMENT("sup_movement", "occurred_at"),
    DAILY_REPORT("report_submission", null, "t.report_date"),
    /** Submitted inspections (supervision): the row with its score, and its items through {@code items_digest}. */
    INSPECTION("sup_inspection", "submitted_at");

    /**
     * A row's content as the chain hashes it: every column as the database renders it in JSON (in UTC,
     * bytea in hex), nulls left out so that a nullable column added later does not change old rows.
     */
    static final String CONTENT_HASH = contentHash("t");

    /** The same over any expression of the table's row type (a row carried up from a subquery). */
    static String contentHash(String row) {
        return "sha256(convert_to(jsonb_strip_nulls(to_jsonb(" + row + "))::text, 'UTF8'))";
    }

    private final String table;
    private final String at;
    private final String day;

    /** A table whose day is its timestamp column's date in the platform's zone. */
    EvidenceKind(String table, String at) {
        this(table, at, "(t." + at + " AT TIME ZONE :zone)::date");
    }

    EvidenceKind(String table, String at, String day) {
        this.table = table;
        this.at = at;
        this.day = day;
    }

    String table() {
        return table;
    }

    /** SQL for the row's day, over the alias {@code t}. */
    String day() {
        return day;
    }

    /**
     * SQL keeping the rows of the days {@code :from} to {@code :to}, over the alias {@code t}: the day itself, and for a
     * table whose day is a timestamp's date the same bounds on the timestamp ({@code :fromAt}, {@code :toAt}: the first
     * instant of the first day, the first of the day after the last), which its indexes and its month partitions can use.
     * Either bound may be left out.
     */
    String days(boolean from, boolean to) {
        return (from ? " AND " + day + " >= :from" + (at == null ? "" : " AND t." + at + " >= :fromAt") : "")
                + (to ? " AND " + day + " <= :to" + (at == null ? "" : " AND t." + at + " < :toAt") : "");
    }

    /** Binds the parameters of {@link #days}: the days given (either may be null) and their first instants in the zone. */
    static JdbcClient.StatementSpec bindDays(JdbcClient.StatementSpec statement, LocalDate from, LocalDate to, ZoneId zone) {
        if (from != null) {
            statement = statement.param("from", from).param("fromAt", from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            statement = statement.param("to", to).param("toAt", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return statement;
    }
}
