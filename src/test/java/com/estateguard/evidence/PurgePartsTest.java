package com.estateguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.evidence.internal.ChainReport;
import com.estateguard.evidence.internal.ChainReport.Problem;
import com.estateguard.evidence.internal.ChainVerifier;
import com.estateguard.evidence.internal.PurgeLog;
import com.estateguard.evidence.internal.RetentionPurge;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.PolicyPreset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A purge's record by estate (issue 12, V239): a purge over two estates writes its header and one signed part per
 * estate; a reader of one estate gets that estate's items and cut heads and the platform-wide ones, never the other's;
 * the estate's chain verifies through its part; a part whose signature fails, that is moved to another estate, or that
 * is deleted (the trigger disabled, as the database's owner could) excuses nothing; a whole summary written before the
 * parts still excuses its rows.
 */
@IntegrationTest
class PurgePartsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    OrgDirectory org;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    RetentionPurge purge;
    @Autowired
    PurgeLog log;
    @Autowired
    Environment env;

    TestData.Estate a;
    TestData.Estate b;
    long purgeId;

    @BeforeEach
    void twoEstatesWithOldChecksPurged() {
        a = data.estate(PolicyPreset.BEIJING_2022);
        b = data.estate(PolicyPreset.BEIJING_2022);
        Instant old = clock.instant().minus(Duration.ofDays(40));
        check(a, old);
        check(b, old);
        nat(old);
        assertThat(verify(a).sealed()).isOne();
        assertThat(verify(b).sealed()).isOne();
        purgeId = purge.purge(List.of(ref(a), ref(b)), "test").orElseThrow();
    }

    @Test
    void aPurgeOverTwoEstatesWritesAHeaderAndTwoSignedParts() {
        assertThat(jdbc.sql("SELECT estate_id FROM evidence_purge_part WHERE purge_id = :p ORDER BY estate_id")
                .param("p", purgeId).query(Long.class).list()).containsExactly(a.id(), b.id());
        assertThat(jdbc.sql("SELECT summary FROM evidence_purge WHERE id = :p").param("p", purgeId).query(String.class).single())
                .contains("\"what\":\"health_nat_result\"", "\"heads\":[]")
                .doesNotContain("\"estateId\":" + a.id(), "\"estateId\":" + b.id());
    }

    @Test
    void aReaderOfOneEstateGetsItsPartAndThePlatformWideItemsOnly() {
        List<PurgeLog.Entry> records = log.concerning(List.of(a.id())).stream().filter(e -> e.id() == purgeId).toList();

        assertThat(records).extracting(PurgeLog.Entry::estateId).containsExactly(a.id(), null);
        assertThat(records).allMatch(PurgeLog.Entry::signatureValid);
        assertThat(records.get(0).summary().items()).extracting(PurgeLog.Item::what, PurgeLog.Item::estateId)
                .containsExactly(tuple("access_check", a.id()));
        assertThat(records.get(0).summary().heads()).extracting(PurgeLog.CutHead::estateId).containsExactly(a.id());
        assertThat(records.get(1).summary().items()).extracting(PurgeLog.Item::what).containsExactly("health_nat_result");

        List<PurgeLog.Shown> shown = log.visibleTo(Set.of(a.id())).stream().filter(s -> s.id() == purgeId).toList();
        assertThat(shown.stream().flatMap(s -> s.items().stream()).map(PurgeLog.Item::estateId))
                .containsExactlyInAnyOrder(a.id(), null);
    }

    @Test
    void theEstatesChainVerifiesThroughItsPart() {
        ChainReport report = verify(a);

        assertThat(report.intact()).isTrue();
        assertThat(report.purgedBy()).isEqualTo(Map.of(purgeId, 1L));
    }

    @Test
    void aPartWithABadSignatureExcusesNothingAndIsReported() {
        String signature = part(a, "signature");
        behindTheTrigger("UPDATE evidence_purge_part SET signature = repeat('0', 64) WHERE purge_id = :p AND estate_id = :e", a);
        try {
            ChainReport report = verify(a);
            assertThat(report.breaks()).extracting(ChainReport.Break::problem, ChainReport.Break::table)
                    .containsExactly(tuple(Problem.FORGED_PURGE, "evidence_purge_part"),
                            tuple(Problem.MISSING, "access_check"));
            assertThat(report.purgedBy()).isEmpty();
            assertThat(log.visibleTo(Set.of(a.id()))).filteredOn(s -> s.id() == purgeId)
                    .extracting(PurgeLog.Shown::signatureValid).containsExactly(false, true);
            assertThat(verify(b).intact()).as("the other estate's part still holds").isTrue();
        } finally {
            behindTheTrigger("UPDATE evidence_purge_part SET signature = '" + signature + "' WHERE purge_id = :p AND estate_id = :e", a);
        }
        assertThat(verify(a).intact()).isTrue();
    }

    @Test
    void aPartMovedToAnotherEstateIsForged() {
        TestData.Estate c = data.estate(PolicyPreset.BEIJING_2022);
        jdbc.sql("""
                        INSERT INTO evidence_purge_part (purge_id, estate_id, summary, signature)
                        SELECT purge_id, :c, summary, signature FROM evidence_purge_part WHERE purge_id = :p AND estate_id = :e""")
                .param("c", c.id()).param("p", purgeId).param("e", a.id()).update();
        try {
            assertThat(log.concerning(List.of(c.id()))).filteredOn(e -> e.id() == purgeId && e.estateId() != null)
                    .extracting(PurgeLog.Entry::signatureValid).containsExactly(false);
            assertThat(verify(c).breaks()).extracting(ChainReport.Break::problem).containsExactly(Problem.FORGED_PURGE);
        } finally {
            behindTheTrigger("DELETE FROM evidence_purge_part WHERE purge_id = :p AND estate_id = :e", c);
        }
    }

    @Test
    void aDeletedPartLeavesTheEstatesPurgedRowsMissing() {
        String summary = part(a, "summary");
        String signature = part(a, "signature");
        behindTheTrigger("DELETE FROM evidence_purge_part WHERE purge_id = :p AND estate_id = :e", a);
        try {
            ChainReport report = verify(a);
            assertThat(report.breaks()).extracting(ChainReport.Break::problem).containsExactly(Problem.MISSING);
            assertThat(report.purgedBy()).isEmpty();
        } finally {
            jdbc.sql("INSERT INTO evidence_purge_part (purge_id, estate_id, summary, signature) VALUES (:p, :e, :s, :g)")
                    .param("p", purgeId).param("e", a.id()).param("s", summary).param("g", signature).update();
        }
        assertThat(verify(a).intact()).isTrue();
    }

    /** A purge written before V239: one whole summary with the estate's item, signed as the platform signed it then. */
    @Test
    void aWholeSummaryWrittenBeforeThePartsStillExcusesItsRows() throws Exception {
        TestData.Estate c = data.estate(PolicyPreset.BEIJING_2022);
        Instant old = clock.instant().minus(Duration.ofDays(40));
        check(c, old);
        assertThat(verify(c).sealed()).isOne();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("SELECT set_config('estateguard.purge', 'on', true)").query((rs, i) -> 1).list();
            jdbc.sql("DELETE FROM access_check WHERE estate_id = :c").param("c", c.id()).update();
        });
        LocalDate day = LocalDate.ofInstant(old, clock.localZone());
        long legacy = jdbc.sql("SELECT nextval('evidence_purge_seq')").query(Long.class).single();
        String text = "{\"purge\":" + legacy + ",\"ranAt\":\"2026-01-01T00:00:00Z\",\"today\":\"" + day + "\",\"items\":[{\"what\":"
                + "\"access_check\",\"estateId\":" + c.id() + ",\"removed\":1,\"fromDay\":\"" + day + "\",\"toDay\":\"" + day
                + "\"}],\"heads\":[]}";
        jdbc.sql("INSERT INTO evidence_purge (id, ran_at, summary, signature, created_by) VALUES (:id, now(), :s, :sig, 'system')")
                .param("id", legacy).param("s", text).param("sig", signedAsBeforeTheParts(text)).update();
        try {
            assertThat(verify(c).intact()).isTrue();
            assertThat(verify(c).purgedBy()).isEqualTo(Map.of(legacy, 1L));
            assertThat(log.visibleTo(Set.of(c.id()))).filteredOn(s -> s.id() == legacy).singleElement()
                    .satisfies(s -> assertThat(s.signatureValid()).isTrue())
                    .satisfies(s -> assertThat(s.items()).extracting(PurgeLog.Item::estateId).containsExactly(c.id()));
            assertThat(log.visibleTo(Set.of(a.id()))).noneMatch(s -> s.id() == legacy);
        } finally {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("ALTER TABLE evidence_purge DISABLE TRIGGER evidence_purge_append_only").update();
                jdbc.sql("DELETE FROM evidence_purge WHERE id = :id").param("id", legacy).update();
                jdbc.sql("ALTER TABLE evidence_purge ENABLE TRIGGER evidence_purge_append_only").update();
            });
        }
    }

    private String signedAsBeforeTheParts(String text) throws Exception {
        String secret = env.resolvePlaceholders("${estateguard.evidence.summary-key:${estateguard.crypto.id-key:}}");
        return HexFormat.of().formatHex(hmac(hmac(secret.getBytes(StandardCharsets.UTF_8), "estateguard evidence purge summary v1"), text));
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private ChainReport verify(TestData.Estate estate) {
        return verifier.verify(new ChainVerifier.Scope(List.of(estate.id()), null, null));
    }

    private EstateRef ref(TestData.Estate estate) {
        return org.estate(new EstateId(estate.id()), "R/").orElseThrow();
    }

    private String part(TestData.Estate estate, String column) {
        return jdbc.sql("SELECT " + column + " FROM evidence_purge_part WHERE purge_id = :p AND estate_id = :e")
                .param("p", purgeId).param("e", estate.id()).query(String.class).single();
    }

    /** What someone with the database owner's rights could do: the append-only trigger disabled for one statement. */
    private void behindTheTrigger(String sql, TestData.Estate estate) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("ALTER TABLE evidence_purge_part DISABLE TRIGGER evidence_purge_part_append_only").update();
            jdbc.sql(sql).param("p", purgeId).param("e", estate.id()).update();
            jdbc.sql("ALTER TABLE evidence_purge_part ENABLE TRIGGER evidence_purge_part_append_only").update();
        });
    }

    private void check(TestData.Estate estate, Instant at) {
        jdbc.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                                  decision, reason_codes, reasons, policy_version_id, created_at, created_by)
                        VALUES (gen_random_uuid(), :estate, :entrance, :at, 'IN', 'VISITOR', '{}', 'ALLOW', '{}', '[]',
                                (SELECT id FROM policy_version WHERE scope_path = :path), :at, 'test')""")
                .param("estate", estate.id()).param("entrance", estate.southGate()).param("path", estate.regionPath())
                .param("at", Timestamp.from(at)).update();
    }

    private void nat(Instant at) {
        jdbc.sql("""
                        INSERT INTO health_nat_result (person_key, person_name, id_masked, sampled_at, result, created_by)
                        VALUES (:key, '检测人', '1101********0011', :at, 'NEGATIVE', 'test')""")
                .param("key", UUID.randomUUID().toString()).param("at", Timestamp.from(at)).update();
    }
}
