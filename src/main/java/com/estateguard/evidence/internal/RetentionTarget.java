package com.estateguard.evidence.internal;

/**
 * What the retention purge removes (保存期限到期清理), per estate or platform-wide: personal data
 * kept no longer than the policy's retention days (PIPL). Each is one statement deleting the rows
 * whose day lies before {@code :cut} and returning the day of each removed row; table and column
 * names are constants, never input.
 */
enum RetentionTarget {
    /**
     * Check records, with what points at them (follow-ups, the offline device's decision, the client id's row, all
     * deleted in the same statement: their references are checked at its end); a check a kept correction points at
     * stays. The check table is partitioned by month (V152): the bound on occurred_at (the cut's midnight in the zone,
     * the same rows as the day's test) lets only the months before the cut be read.
     */
    CHECKS("access_check", true, """
            doomed AS (SELECT t.id, t.estate_id, t.occurred_at FROM access_check t
                        WHERE t.estate_id = :estate AND (t.occurred_at AT TIME ZONE :zone)::date < :cut
                          AND t.occurred_at < (cast(:cut AS date)::timestamp AT TIME ZONE :zone)
                          AND NOT EXISTS (SELECT 1 FROM access_check k WHERE k.corrects_check_id = t.id
                                             AND (k.occurred_at AT TIME ZONE :zone)::date >= :cut)),
            follow_ups AS (DELETE FROM access_follow_up WHERE check_id IN (SELECT id FROM doomed)),
            device_decisions AS (DELETE FROM access_device_decision WHERE (check_id, estate_id) IN (SELECT id, estate_id FROM doomed)),
            client_ids AS (DELETE FROM access_check_client WHERE check_id IN (SELECT id FROM doomed)),""", """
            DELETE FROM access_check WHERE (id, estate_id, occurred_at) IN (SELECT id, estate_id, occurred_at FROM doomed)
            RETURNING (occurred_at AT TIME ZONE :zone)::date AS day"""),
    VISITS("res_visit", true, "", "DELETE FROM res_visit WHERE estate_id = :estate AND visit_date < :cut RETURNING visit_date AS day"),
    VISITOR_REPORTS("res_visit_report", true, "", """
            DELETE FROM res_visit_report WHERE estate_id = :estate AND (created_at AT TIME ZONE :zone)::date < :cut
            RETURNING (created_at AT TIME ZONE :zone)::date AS day"""),
    /** Returnees whose observation ended before the cut, with their daily health entries. */
    RETURNEES("res_return", true, """
            doomed AS (SELECT id FROM res_return WHERE estate_id = :estate AND observation_end < :cut),
            health AS (DELETE FROM res_return_health WHERE estate_id = :estate AND return_id IN (SELECT id FROM doomed)),""", """
            DELETE FROM res_return WHERE estate_id = :estate AND id IN (SELECT id FROM doomed) RETURNING arrival_date AS day"""),
    /** Refusals to cooperate, with their photos. */
    RETURNEE_REFUSALS("res_return_refusal", true, "", """
            DELETE FROM res_return_refusal WHERE estate_id = :estate AND (created_at AT TIME ZONE :zone)::date < :cut
            RETURNING (created_at AT TIME ZONE :zone)::date AS day"""),
    NAT_RESULTS("health_nat_result", false, "", """
            DELETE FROM health_nat_result WHERE (sampled_at AT TIME ZONE :zone)::date < :cut
            RETURNING (sampled_at AT TIME ZONE :zone)::date AS day"""),
    HEALTH_CODES("health_code_status", false, "", """
            DELETE FROM health_code_status WHERE (as_of AT TIME ZONE :zone)::date < :cut
            RETURNING (as_of AT TIME ZONE :zone)::date AS day""");

    private final String table;
    private final boolean perEstate;
    private final String before;
    private final String delete;

    /** {@code before}: common table expressions the delete needs (rows it depends on), each followed by a comma. */
    RetentionTarget(String table, boolean perEstate, String before, String delete) {
        this.table = table;
        this.perEstate = perEstate;
        this.before = before;
        this.delete = delete;
    }

    String table() {
        return table;
    }

    boolean perEstate() {
        return perEstate;
    }

    /** Counts the removed rows and their first and last day. */
    String countedDelete() {
        return "WITH " + before + " removed AS (" + delete + ") SELECT count(*) AS n, min(day) AS first_day, max(day) AS last_day FROM removed";
    }
}
