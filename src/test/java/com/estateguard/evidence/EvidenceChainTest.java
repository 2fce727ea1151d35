package com.estateguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.dailyreport.internal.DailyReports;
import com.estateguard.evidence.internal.ChainReport;
import com.estateguard.evidence.internal.ChainReport.Problem;
import com.estateguard.evidence.internal.ChainVerifier;
import com.estateguard.evidence.internal.Sealer;
import com.estateguard.policy.PolicyPreset;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence chain (issue 8, item 4): rows of every evidence kind are sealed and verify as intact;
 * a row altered or deleted behind the append-only trigger's back (the trigger disabled, as someone
 * with the database's owner rights could) is pointed at exactly; a rewritten seal breaks its link;
 * a submitted daily report carries the day's chain heads. Each test has an estate of its own and
 * verifies only that estate, and puts back what it changed.
 */
@IntegrationTest
class EvidenceChainTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    DailyReports reports;
    @Autowired
    Sealer sealer;
    @LocalServerPort
    int port;

    TestData.Estate estate;
    LocalDate today;
    List<Long> checks;

    @BeforeEach
    void anEstateWithADayOfEvidence() {
        clock.setToday(10, 0);
        today = clock.today();
        estate = data.estate(PolicyPreset.BEIJING_2022);
        var terminal = estate.terminal(port);
        for (int i = 0; i < 3; i++) {
            assertThat(terminal.postJson("/api/v1/checks", check()).status()).isEqualTo(201);
        }
        checks = jdbc.sql("SELECT id FROM access_check WHERE estate_id = :e ORDER BY id").param("e", estate.id())
                .query(Long.class).list();
        assertThat(checks).hasSize(3);
        Map<String, Object> refs = Map.of("estate", estate.id(), "today", today, "now", Timestamp.from(clock.instant()),
                "user", estate.guard().id(), "policy", jdbc.sql("SELECT id FROM policy_version WHERE scope_path = :p")
                        .param("p", estate.regionPath()).query(Long.class).single());
        jdbc.sql("""
                WITH place AS (INSERT INTO hyg_place (estate_id, name, place_type, times_per_day, agent, created_by)
                               VALUES (:estate, '证据链测试', 'LOBBY', 1, 'VENTILATION_ONLY', 'test') RETURNING id),
                     task AS (INSERT INTO hyg_task (place_id, estate_id, task_date, slot, due_at, created_by)
                              SELECT id, :estate, :today, 1, :now, 'test' FROM place RETURNING id)
                INSERT INTO hyg_record (task_id, estate_id, done_at, agent, area_m2, ventilation_minutes, compliant, issues,
                                        policy_version_id, created_by)
                SELECT id, :estate, :now, 'VENTILATION_ONLY', 10, 30, true, '{}', :policy, 'test' FROM task""").params(refs).update();
        jdbc.sql("""
                INSERT INTO stf_health (estate_id, user_id, day, period, temperature_c, exposure, limit_c, eligible, reasons,
                                        policy_version_id, created_by)
                VALUES (:estate, :user, :today, 'MORNING', 36.5, false, 37.3, true, '{}', :policy, 'test')""").params(refs).update();
        jdbc.sql("""
                WITH item AS (INSERT INTO sup_item (estate_id, name, category, unit, created_by)
                              VALUES (:estate, '证据链测试', 'MASKS', 'box', 'test') RETURNING id)
                INSERT INTO sup_movement (item_id, estate_id, direction, quantity, occurred_at, created_by)
                SELECT id, :estate, 'IN', 1, :now, 'test' FROM item""").params(refs).update();
    }

    @Test
    void everyKindOfEvidenceIsSealedAndVerifiesIntact() {
        ChainReport report = verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.breaks()).isEmpty();
        assertThat(report.pending()).isZero();
        assertThat(report.sealed()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT kind || ':' || seq FROM evidence_seal WHERE estate_id = :e AND day = :d ORDER BY kind, seq")
                .param("e", estate.id()).param("d", today).query(String.class).list())
                .containsExactly("CHECK:1", "CHECK:2", "CHECK:3", "HYGIENE:1", "STAFF_READING:1", "SUPPLY_MOVEMENT:1");
        // Verifying again seals nothing twice.
        assertThat(verify().sealed()).isEqualTo(6);
    }

    @Test
    void theSealerSealsNewRowsWithoutBeingAsked() {
        // A recent run leaves the rows to the scheduled run when that one holds the sealer's lock at the moment: either
        // way they are sealed within a few seconds, and none twice.
        sealer.sealRecent();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM evidence_seal WHERE estate_id = :e AND day = :d")
                .param("e", estate.id()).param("d", today).query(Long.class).single() == 6);
    }

    @Test
    void aRowAlteredBehindTheTriggersBackIsPointedAtExactly() {
        verify();
        long altered = checks.get(1);
        String saved = saved(altered);
        behindTheTrigger("UPDATE access_check SET decision = CASE decision WHEN 'ALLOW' THEN 'REFUSE' ELSE 'ALLOW' END WHERE id = :id",
                altered, null);
        try {
            ChainReport report = verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.breakCount()).isEqualTo(1);
            assertThat(report.firstBreak()).isEqualTo(new ChainReport.Break("CHECK", "access_check", altered, estate.id(), today, 2,
                    Problem.ALTERED));
        } finally {
            behindTheTrigger("""
                    UPDATE access_check c SET decision = r.decision
                      FROM jsonb_populate_record(null::access_check, cast(:row AS jsonb)) r WHERE c.id = r.id AND r.id = :id""",
                    altered, saved);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aRowDeletedBehindTheTriggersBackIsReportedMissing() {
        verify();
        long deleted = checks.get(2);
        String saved = saved(deleted);
        behindTheTrigger("DELETE FROM access_check WHERE id = :id", deleted, null);
        try {
            ChainReport report = verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBreak()).isEqualTo(new ChainReport.Break("CHECK", "access_check", deleted, estate.id(), today, 3,
                    Problem.MISSING));
        } finally {
            jdbc.sql("INSERT INTO access_check SELECT * FROM jsonb_populate_record(null::access_check, cast(:row AS jsonb))")
                    .param("row", saved).update();
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aRewrittenSealBreaksItsLink() {
        verify();
        String where = "kind = 'HYGIENE' AND estate_id = " + estate.id();
        byte[] original = jdbc.sql("SELECT content_hash FROM evidence_seal WHERE " + where).query(byte[].class).single();
        sealsBehindTheTrigger("UPDATE evidence_seal SET content_hash = sha256('forged') WHERE " + where);
        try {
            ChainReport report = verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBreak().problem()).isEqualTo(Problem.LINK_BROKEN);
            assertThat(report.firstBreak().table()).isEqualTo("hyg_record");
        } finally {
            sealsBehindTheTrigger("UPDATE evidence_seal SET content_hash = decode('" + HexFormat.of().formatHex(original)
                    + "', 'hex') WHERE " + where);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aSubmittedReportCarriesTheDaysChainHeadsSealedFirst() {
        reports.submit(estate.id(), today, null, 0, estate.admin().user());

        var heads = reports.report(estate.id(), today, estate.admin().user()).submission().chainHeads();
        String lastCheckLink = jdbc.sql("SELECT encode(link_hash, 'hex') FROM evidence_seal WHERE kind = 'CHECK' AND row_id = :id")
                .param("id", checks.get(2)).query(String.class).single();
        assertThat(heads).contains(new com.estateguard.dailyreport.ChainWitness.ChainHead("CHECK", 3, lastCheckLink));
        assertThat(heads).extracting(h -> h.kind()).containsExactly("CHECK", "HYGIENE", "STAFF_READING", "SUPPLY_MOVEMENT");
        assertThat(estate.admin().login(port).get("/daily-reports/estates/" + estate.id() + "?date=" + today).body())
                .contains("证据链见证").contains(lastCheckLink);
        // The submission is evidence too, and is sealed into the day's report chain.
        assertThat(verify().sealed()).isEqualTo(7);
    }

    @Test
    void thePageShowsIntactForTheEstatesAdminAndIsClosedToTheGuard() {
        var page = estate.admin().login(port).get("/evidence?estate=" + estate.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"chain-status\">完整<");
        var json = estate.admin().login(port).get("/evidence/verify.json?estate=" + estate.id());
        assertThat(json.body()).contains("\"intact\":true").contains("\"sealed\":6");
        assertThat(estate.guard().login(port).get("/evidence").status()).isEqualTo(403);
    }

    private ChainReport verify() {
        return verifier.verify(new ChainVerifier.Scope(List.of(estate.id()), today, today));
    }

    /** Runs the statement with the append-only trigger disabled, in one transaction that re-enables it. */
    private void behindTheTrigger(String sql, long id, String row) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("ALTER TABLE access_check DISABLE TRIGGER access_check_append_only").update();
            // Behind the references' backs too: the check's client id (V152) points at it; it is put back unchanged.
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            var statement = jdbc.sql(sql).param("id", id);
            assertThat((row == null ? statement : statement.param("row", row)).update()).isEqualTo(1);
            jdbc.sql("ALTER TABLE access_check ENABLE TRIGGER access_check_append_only").update();
        });
    }

    private void sealsBehindTheTrigger(String sql) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("ALTER TABLE evidence_seal DISABLE TRIGGER evidence_seal_append_only").update();
            jdbc.sql(sql).update();
            jdbc.sql("ALTER TABLE evidence_seal ENABLE TRIGGER evidence_seal_append_only").update();
        });
    }

    private String saved(long id) {
        return jdbc.sql("SELECT to_jsonb(c)::text FROM access_check c WHERE id = :id").param("id", id).query(String.class).single();
    }

    private String check() {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"证据链测试",
                 "evidence":{"temperature":{"celsius":36.4,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"3号楼","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), clock.instant().minus(3, ChronoUnit.HOURS));
    }
}
