package com.estateguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.evidence.internal.ChainReport;
import com.estateguard.evidence.internal.ChainReport.Problem;
import com.estateguard.evidence.internal.ChainVerifier;
import com.estateguard.evidence.internal.EvidenceParameters;
import com.estateguard.evidence.internal.RetentionPurge;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge (issue 8, item 5): rows older than the policy's retention days (28 in every
 * preset) are removed, newer ones kept; the purge is logged with a signed summary; the chain still
 * verifies, the purged checks counted as purged by that purge; a plain DELETE is still refused, and
 * a delete that borrows the purge's setting, or a forged purge record, does not pass for a purge.
 */
@IntegrationTest
class RetentionPurgeTest {

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
    Policies policies;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    RetentionPurge purge;

    TestData.Estate estate;
    Map<String, Object> refs;
    Instant old;
    Instant recent;

    @BeforeEach
    void anEstateWithOldAndRecentRecords() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
        old = clock.instant().minus(Duration.ofDays(40));
        recent = clock.instant().minus(Duration.ofDays(1));
        refs = new HashMap<>(Map.of("estate", estate.id(), "entrance", estate.southGate(),
                "policy", jdbc.sql("SELECT id FROM policy_version WHERE scope_path = :p").param("p", estate.regionPath())
                        .query(Long.class).single()));
    }

    @Test
    void theRetentionDaysArePolicyDataInEveryPreset() {
        for (PolicyPreset preset : PolicyPreset.values()) {
            assertThat(policies.preset(preset).group(EvidenceParameters.class).retentionDays()).as(preset.name()).isEqualTo(28);
        }
        assertThat(policies.inForce(estate.regionPath(), clock.instant()).parameters().group(EvidenceParameters.class).retentionDays())
                .isEqualTo(28);
        assertThat(jdbc.sql("SELECT count(*) FROM policy_version WHERE params -> 'evidence' -> 'retentionDays' IS NULL")
                .query(Long.class).single()).as("every stored version holds its retention days").isZero();
    }

    @Test
    void oldRecordsArePurgedNewOnesKeptLoggedAndTheChainStillVerifies() {
        long oldCheck = check(old);
        long recentCheck = check(recent);
        long oldVisit = visit(old);
        long recentVisit = visit(recent);
        long oldReturn = returnee(old);
        long recentReturn = returnee(recent);
        long oldRefusal = refusal(old);
        String oldNat = nat(old);
        String recentNat = nat(recent);
        assertThat(verify().sealed()).isEqualTo(2);

        long id = purge.purge(List.of(org.estate(new EstateId(estate.id()), "R/").orElseThrow()), "test").orElseThrow();

        assertThat(exists("access_check", oldCheck)).isFalse();
        assertThat(exists("access_check", recentCheck)).isTrue();
        assertThat(exists("res_visit", oldVisit)).isFalse();
        assertThat(exists("res_visit", recentVisit)).isTrue();
        assertThat(exists("res_return", oldReturn)).isFalse();
        assertThat(exists("res_return", recentReturn)).isTrue();
        assertThat(exists("res_return_refusal", oldRefusal)).isFalse();
        assertThat(natCount(oldNat)).isZero();
        assertThat(natCount(recentNat)).isOne();

        // The estate's items and cut heads in its part of the purge (V239), the health registers in the purge's header.
        String header = jdbc.sql("SELECT summary FROM evidence_purge WHERE id = :id").param("id", id).query(String.class).single();
        String part = jdbc.sql("SELECT summary FROM evidence_purge_part WHERE purge_id = :id AND estate_id = :e")
                .param("id", id).param("e", estate.id()).query(String.class).single();
        LocalDate oldDay = LocalDate.ofInstant(old, clock.localZone());
        assertThat(part).contains("{\"what\":\"access_check\",\"estateId\":" + estate.id() + ",\"removed\":1,\"fromDay\":\""
                + oldDay + "\",\"toDay\":\"" + oldDay + "\"}");
        assertThat(part).contains("\"what\":\"res_visit\"", "\"what\":\"res_return\"", "\"what\":\"res_return_refusal\"",
                "\"heads\":[{\"kind\":\"CHECK\",\"estateId\":" + estate.id());
        assertThat(header).contains("\"what\":\"health_nat_result\"").doesNotContain("\"estateId\":" + estate.id());
        assertThat(jdbc.sql("SELECT signature FROM evidence_purge WHERE id = :id").param("id", id).query(String.class).single())
                .hasSize(64);
        assertThat(jdbc.sql("SELECT signature FROM evidence_purge_part WHERE purge_id = :id").param("id", id).query(String.class)
                .single()).hasSize(64);

        ChainReport after = verify();
        assertThat(after.intact()).isTrue();
        assertThat(after.sealed()).isEqualTo(2);
        assertThat(after.purgedBy()).isEqualTo(Map.of(id, 1L));

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_check WHERE id = :id").param("id", recentCheck).update())
                .hasMessageContaining("access_check is append-only");
    }

    @Test
    void theSettingLetsOnlyDeleteAndADeleteOutsideThePurgeIsStillMissing() {
        long recentCheck = check(recent);
        verify();
        String saved = jdbc.sql("SELECT to_jsonb(c)::text FROM access_check c WHERE id = :id").param("id", recentCheck)
                .query(String.class).single();
        assertThatThrownBy(() -> underThePurgeSetting("UPDATE access_check SET person_name = 'x' WHERE id = " + recentCheck))
                .hasMessageContaining("access_check is append-only: UPDATE refused");
        assertThatThrownBy(() -> underThePurgeSetting("DELETE FROM evidence_seal WHERE row_id = " + recentCheck))
                .hasMessageContaining("evidence_seal is append-only: DELETE refused");
        underThePurgeSetting("DELETE FROM access_check WHERE id = " + recentCheck);
        try {
            assertThat(verify().firstBreak().problem()).isEqualTo(Problem.MISSING);
        } finally {
            jdbc.sql("INSERT INTO access_check SELECT * FROM jsonb_populate_record(null::access_check, cast(:row AS jsonb))")
                    .param("row", saved).update();
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aForgedPurgeRecordExcusesNothingAndIsReported() {
        long recentCheck = check(recent);
        verify();
        LocalDate day = LocalDate.ofInstant(recent, clock.localZone());
        long forged = jdbc.sql("SELECT nextval('evidence_purge_seq')").query(Long.class).single();
        jdbc.sql("INSERT INTO evidence_purge (id, ran_at, summary, signature, created_by) VALUES (:id, now(), :s, :sig, 'intruder')")
                .param("id", forged).param("sig", "0".repeat(64))
                .param("s", "{\"purge\":" + forged + ",\"ranAt\":\"2026-01-01T00:00:00Z\",\"today\":\"" + day + "\",\"items\":[{\"what\":"
                        + "\"access_check\",\"estateId\":" + estate.id() + ",\"removed\":1,\"fromDay\":\"" + day + "\",\"toDay\":\"" + day
                        + "\"}],\"heads\":[]}")
                .update();
        String saved = jdbc.sql("SELECT to_jsonb(c)::text FROM access_check c WHERE id = :id").param("id", recentCheck)
                .query(String.class).single();
        underThePurgeSetting("DELETE FROM access_check WHERE id = " + recentCheck);
        try {
            ChainReport report = verify();
            assertThat(report.breaks()).extracting(ChainReport.Break::problem).containsExactly(Problem.FORGED_PURGE, Problem.MISSING);
            assertThat(report.purgedBy()).isEmpty();
        } finally {
            jdbc.sql("INSERT INTO access_check SELECT * FROM jsonb_populate_record(null::access_check, cast(:row AS jsonb))")
                    .param("row", saved).update();
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("ALTER TABLE evidence_purge DISABLE TRIGGER evidence_purge_append_only").update();
                jdbc.sql("DELETE FROM evidence_purge WHERE id = :id").param("id", forged).update();
                jdbc.sql("ALTER TABLE evidence_purge ENABLE TRIGGER evidence_purge_append_only").update();
            });
        }
    }

    private ChainReport verify() {
        return verifier.verify(new ChainVerifier.Scope(List.of(estate.id()), null, null));
    }

    private void underThePurgeSetting(String sql) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("SELECT set_config('estateguard.purge', 'on', true)").query((rs, i) -> 1).list();
            jdbc.sql(sql).update();
        });
    }

    private long check(Instant at) {
        return jdbc.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                                  decision, reason_codes, reasons, policy_version_id, created_at, created_by)
                        VALUES (gen_random_uuid(), :estate, :entrance, :at, 'IN', 'VISITOR', '{}', 'ALLOW', '{}', '[]', :policy, :at, 'test')
                        RETURNING id""").params(refs).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private long visit(Instant at) {
        return jdbc.sql("""
                        INSERT INTO res_visit (estate_id, host_name, host_address, visitor_name, person_key, id_masked, visit_date,
                                               registered_at, created_at, created_by)
                        VALUES (:estate, '主人', '1-101', '访客', :key, '1101********0011', :day, 'GATE', :at, 'test') RETURNING id""")
                .params(refs).param("key", UUID.randomUUID().toString()).param("day", LocalDate.ofInstant(at, clock.localZone()))
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private long returnee(Instant at) {
        LocalDate arrival = LocalDate.ofInstant(at, clock.localZone());
        long id = jdbc.sql("""
                        INSERT INTO res_return (estate_id, person_key, person_name, id_masked, from_place, risk_area, arrival_date,
                                                observation_end, created_at, created_by)
                        VALUES (:estate, :key, '返乡人', '1101********0011', '外地', false, :arrival, :end, :at, 'test') RETURNING id""")
                .params(refs).param("key", UUID.randomUUID().toString()).param("arrival", arrival).param("end", arrival.plusDays(7))
                .param("at", Timestamp.from(at)).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO res_return_health (return_id, estate_id, day, temperature, symptoms, created_by)
                        VALUES (:r, :estate, :d, 36.5, false, 'test')""")
                .params(refs).param("r", id).param("d", arrival).update();
        return id;
    }

    private long refusal(Instant at) {
        return jdbc.sql("""
                        INSERT INTO res_return_refusal (estate_id, person_name, note, photo, photo_type, created_at, created_by)
                        VALUES (:estate, '拒不配合', '拒绝登记', decode('ffd8ff', 'hex'), 'image/jpeg', :at, 'test') RETURNING id""")
                .params(refs).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private String nat(Instant at) {
        String key = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO health_nat_result (person_key, person_name, id_masked, sampled_at, result, created_by)
                        VALUES (:key, '检测人', '1101********0011', :at, 'NEGATIVE', 'test')""")
                .param("key", key).param("at", Timestamp.from(at)).update();
        return key;
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single() == 1;
    }

    private long natCount(String key) {
        return jdbc.sql("SELECT count(*) FROM health_nat_result WHERE person_key = :k").param("k", key).query(Long.class).single();
    }
}
