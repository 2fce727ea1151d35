package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.internal.AccessCheckPartitions;
import com.estateguard.policy.PolicyPreset;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Check records by month (issue 12 §3, V152): access_check is partitioned by month of occurred_at (UTC). A check lands
 * in its month's partition; the job keeps the months ahead ready and can run any number of times; a record whose
 * month has no partition is kept in the DEFAULT partition (never refused) and the job moves it into its own month,
 * with everything that points at it, unchanged (same id, same content as the evidence chain hashes it).
 */
@IntegrationTest
class CheckPartitionsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    AccessCheckPartitions partitions;

    TestData.Estate estate;
    TestClient terminal;
    long policy;

    @BeforeEach
    void anEstateWithATerminal() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
        terminal = estate.terminal(port);
        policy = jdbc.sql("SELECT id FROM policy_version WHERE scope_path = :p").param("p", estate.regionPath()).query(Long.class).single();
    }

    @Test
    void aCheckDatedNextMonthLandsInItsMonthsPartitionAndItsClientIdBesideIt() {
        YearMonth next = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(1);
        partitions.ensure();   // the daily job has run this month, whatever months the migration made by the database's date
        clock.set(next.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(2, ChronoUnit.HOURS));
        UUID clientId = UUID.randomUUID();

        var response = terminal.postJson("/api/v1/checks", CheckpointApiTest.check(clientId, estate.southGate(), "VISITOR", "36.4",
                "GREEN", "SCANNED", clock.instant().minus(10, ChronoUnit.HOURS)));
        var retry = terminal.postJson("/api/v1/checks", CheckpointApiTest.check(clientId, estate.southGate(), "VISITOR", "36.4",
                "GREEN", "SCANNED", clock.instant().minus(10, ChronoUnit.HOURS)));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM access_check WHERE client_id = :c").param("c", clientId)
                .query(String.class).list()).containsExactly(partitionOf(next));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM access_check_client k JOIN access_check c
                            ON c.id = k.check_id AND c.estate_id = k.estate_id AND c.occurred_at = k.occurred_at
                         WHERE k.client_id = :c AND k.estate_id = :e""")
                .param("c", clientId).param("e", estate.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theJobMakesThisMonthAndTheMonthsAheadAndCanRunAgain() {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        partitions.ensure();
        List<String> existing = partitionNames();
        assertThat(existing).contains(partitionOf(now), partitionOf(now.plusMonths(1)), partitionOf(now.plusMonths(3)),
                "access_check_default");

        assertThat(partitions.ensure()).as("a second run makes nothing").isEmpty();
        assertThat(partitionNames()).isEqualTo(existing);

        // Months later (the job's clock moved on): the new months ahead appear, once.
        clock.set(now.plusMonths(7).atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<String> made = partitions.ensure();
        assertThat(made).contains(partitionOf(now.plusMonths(10)));
        assertThat(partitionNames()).contains(partitionOf(now.plusMonths(7)), partitionOf(now.plusMonths(10)));
        assertThat(partitions.ensure()).isEmpty();
    }

    @Test
    void aRecordWhoseMonthHasNoPartitionIsKeptAndMovedIntoItsMonthWithWhatPointsAtIt() {
        // Months no job makes: one long past, one far ahead (random, so a rerun on the same database still starts empty).
        YearMonth past = YearMonth.of(1990 + ThreadLocalRandom.current().nextInt(20), 1 + ThreadLocalRandom.current().nextInt(12));
        YearMonth future = YearMonth.of(2090 + ThreadLocalRandom.current().nextInt(20), 1 + ThreadLocalRandom.current().nextInt(12));
        Instant pastAt = past.atDay(15).atTime(9, 30).toInstant(ZoneOffset.UTC);
        long old = insertCheck(pastAt, null, null);
        long correction = insertCheck(pastAt.plus(1, ChronoUnit.HOURS), old, pastAt);
        long ahead = insertCheck(future.atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC), null, null);
        jdbc.sql("""
                        INSERT INTO access_follow_up (check_id, estate_id, check_occurred_at, kind, reason_codes, created_by)
                        VALUES (:c, :e, :at, 'REPORT_COMMUNITY', '{FEVER}', 'test')""")
                .param("c", old).param("e", estate.id()).param("at", Timestamp.from(pastAt)).update();
        String hash = contentHash(old);

        assertThat(partitionOfRow(old)).as("kept, not refused").isEqualTo("access_check_default");
        assertThat(partitionOfRow(ahead)).isEqualTo("access_check_default");

        List<String> made = partitions.ensure();

        assertThat(made).contains(partitionOf(past), partitionOf(future));
        assertThat(partitionOfRow(old)).isEqualTo(partitionOf(past));
        assertThat(partitionOfRow(correction)).isEqualTo(partitionOf(past));
        assertThat(partitionOfRow(ahead)).isEqualTo(partitionOf(future));
        assertThat(contentHash(old)).as("the same row for the evidence chain").isEqualTo(hash);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM access_follow_up f JOIN access_check c
                            ON c.id = f.check_id AND c.estate_id = f.estate_id AND c.occurred_at = f.check_occurred_at
                         WHERE c.id = :c""").param("c", old).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM access_check_default WHERE estate_id = :e").param("e", estate.id())
                .query(Long.class).single()).as("the default partition is empty again").isZero();
        assertThat(partitions.ensure()).isEmpty();
    }

    @Test
    void aCorrectionAtTheGateCarriesTheCorrectedRecordsTime() {
        UUID clientId = UUID.randomUUID();
        var first = terminal.postJson("/api/v1/checks", CheckpointApiTest.check(clientId, estate.southGate(), "VISITOR", "36.4",
                "GREEN", "SCANNED", clock.instant().minus(10, ChronoUnit.HOURS)));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long original = jdbc.sql("SELECT id FROM access_check WHERE client_id = :c").param("c", clientId).query(Long.class).single();
        clock.advance(java.time.Duration.ofMinutes(3));
        String correction = CheckpointApiTest.check(UUID.randomUUID(), estate.southGate(), "VISITOR", "36.5", "GREEN", "SCANNED",
                clock.instant().minus(10, ChronoUnit.HOURS));
        correction = correction.substring(0, correction.lastIndexOf('}')) + ",\"correctsCheckId\":" + original + "}";

        var corrected = terminal.postJson("/api/v1/checks", correction);

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM access_check k JOIN access_check o
                            ON o.id = k.corrects_check_id AND o.estate_id = k.estate_id AND o.occurred_at = k.corrects_occurred_at
                         WHERE o.id = :id""").param("id", original).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCorrectionMustNameAnExistingRecordOfItsEstate() {
        Instant at = clock.instant().minus(1, ChronoUnit.HOURS);
        long original = insertCheck(at, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> insertCheck(at, original, at.minusSeconds(1)))
                .hasMessageContaining("violates foreign key constraint");
        assertThat(insertCheck(at, original, at)).isGreaterThan(original);
    }

    /**
     * V213: the rows a check names (estate, entrance, shift, terminal key, policy version) are kept by their tables, not
     * checked by foreign keys on every insert: deleting from any of them is refused, the row and its check unchanged.
     */
    @Test
    void theRowsACheckNamesCannotBeDeleted() {
        long check = insertCheck(clock.instant().minus(1, ChronoUnit.HOURS), null, null);
        java.util.Map<String, String> deletes = java.util.Map.of(
                "org_estate", "DELETE FROM org_estate WHERE id = " + estate.id(),
                "org_entrance", "DELETE FROM org_entrance WHERE id = " + estate.southGate(),
                "policy_version", "DELETE FROM policy_version WHERE id = " + policy,
                "iam_device_key", "DELETE FROM iam_device_key WHERE estate_id = " + estate.id(),
                "access_shift", "DELETE FROM access_shift WHERE entrance_id = " + estate.southGate());
        deletes.forEach((table, delete) -> org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(delete).update())
                .as(table).hasMessageContaining(table + " rows are named by check records: DELETE refused"));
        assertThat(jdbc.sql("SELECT count(*) FROM org_entrance WHERE id = :n").param("n", estate.southGate())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM access_check c JOIN org_entrance n ON n.id = c.entrance_id AND n.estate_id = c.estate_id
                          JOIN policy_version p ON p.id = c.policy_version_id WHERE c.id = :id""")
                .param("id", check).query(Long.class).single()).isEqualTo(1);
    }

    private long insertCheck(Instant at, Long corrects, Instant correctsAt) {
        return jdbc.sql("""
                        WITH c AS (INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category,
                                                             evidence, decision, reason_codes, reasons, policy_version_id,
                                                             corrects_check_id, corrects_occurred_at, created_by)
                                   VALUES (gen_random_uuid(), :e, :n, :at, 'IN', 'VISITOR', '{}', 'ALLOW', '{}', '[]', :p,
                                           :corrects, :correctsAt, 'test')
                                   RETURNING id, client_id, estate_id, occurred_at)
                        INSERT INTO access_check_client (client_id, estate_id, check_id, occurred_at)
                        SELECT client_id, estate_id, id, occurred_at FROM c RETURNING check_id""")
                .param("e", estate.id()).param("n", estate.southGate()).param("at", Timestamp.from(at)).param("p", policy)
                .param("corrects", corrects).param("correctsAt", correctsAt == null ? null : Timestamp.from(correctsAt))
                .query(Long.class).single();
    }

    private String partitionOfRow(long id) {
        return jdbc.sql("SELECT tableoid::regclass::text FROM access_check WHERE id = :id").param("id", id).query(String.class).single();
    }

    private String contentHash(long id) {
        return jdbc.sql("SELECT encode(sha256(convert_to(jsonb_strip_nulls(to_jsonb(t))::text, 'UTF8')), 'hex') FROM access_check t"
                + " WHERE t.id = :id").param("id", id).query(String.class).single();
    }

    private List<String> partitionNames() {
        return jdbc.sql("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'access_check'::regclass ORDER BY 1")
                .query(String.class).list();
    }

    private static String partitionOf(YearMonth month) {
        return "access_check_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
    }
}
