package com.estateguard.evidence.internal;

/**
 * The evidence tables the chain seals (证据种类), and how each row's estate and day are read. The
 * table and column names are constants of this enum, never input, so they may be written into SQL.
 * A table's day is the day the record is about (the check's, the disinfection's, the report's), in
 * the platform's zone ({@code :zone}).
 */
enum EvidenceKind {
    CHECK("access_check", "(t.occurred_at AT TIME ZONE :zone)::date"),
    HYGIENE("hyg_record", "(t.done_at AT TIME ZONE :zone)::date"),
    STAFF_READING("stf_health", "t.day"),
    SUPPLY_MOVEMENT("sup_movement", "(t.occurred_at AT TIME ZONE :zone)::date"),
    DAILY_REPORT("report_submission", "t.report_date"),
    /** Submitted inspections (supervision): the row with its score, and its items through {@code items_digest}. */
    INSPECTION("sup_inspection", "(t.submitted_at AT TIME ZONE :zone)::date");

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
    private final String day;

    EvidenceKind(String table, String day) {
        this.table = table;
        this.day = day;
    }

    String table() {
        return table;
    }

    /** SQL for the row's day, over the alias {@code t}. */
    String day() {
        return day;
    }
}
