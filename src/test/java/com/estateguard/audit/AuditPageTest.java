package com.estateguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit page (审计日志): the estate's management reads its estate's rows, an authority the rows
 * of the estates under it and of the accounts under it, nobody another street's; the guard not at
 * all. The trail is append-only: UPDATE, DELETE and TRUNCATE are refused by the database.
 */
@IntegrationTest
class AuditPageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void aStreetSeesItsEstatesRowsAndNotAnotherStreetsAndTheGuardSeesNone() {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        var theirs = data.estate(PolicyPreset.BEIJING_2022);
        trail.record(AuditEntry.by(ours.admin().user(), AuditAction.ID_VIEW, "住户 本街道 #1"));
        trail.record(AuditEntry.by(theirs.admin().user(), AuditAction.ID_VIEW, "住户 别街道 #2"));
        var street = data.authority(ours, Role.STREET_AUTHORITY);
        trail.record(AuditEntry.by(street.user(), AuditAction.EXPORT, "街道导出").export(3, true, null));

        String page = street.login(port).get("/audit").body();
        assertThat(page).contains("审计日志").contains("audit-table").contains(ours.name()).contains("住户 本街道 #1")
                .contains("查看完整身份证号").contains("街道导出").contains("3 行").contains("身份证号脱敏")
                .doesNotContain(theirs.name()).doesNotContain("住户 别街道 #2");
        String estateAdmin = ours.admin().login(port).get("/audit").body();
        assertThat(estateAdmin).contains("住户 本街道 #1").doesNotContain("住户 别街道 #2").doesNotContain("街道导出");
        assertThat(theirs.admin().login(port).get("/audit").body()).contains("住户 别街道 #2").doesNotContain("住户 本街道 #1");
        assertThat(data.authority(theirs, Role.STREET_AUTHORITY).login(port).get("/audit").body()).doesNotContain("住户 本街道 #1");

        var guard = ours.guard().login(port);
        assertThat(guard.get("/audit").status()).isEqualTo(403);
        assertThat(guard.get("/residents").body()).doesNotContain("href=\"/audit\"");
        assertThat(ours.admin().login(port).get("/residents").body()).contains("href=\"/audit\"");
    }

    @Test
    void theFiltersNarrowByActionActorEstateAndPeriod() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin();
        trail.record(AuditEntry.by(admin.user(), AuditAction.ID_VIEW, "过滤-看号"));
        trail.record(AuditEntry.by(estate.guard().user(), AuditAction.GATE_LOOKUP, "过滤-卡口"));
        var district = data.authority(estate, Role.DISTRICT_AUTHORITY).login(port);

        assertThat(district.get("/audit?action=GATE_LOOKUP").body()).contains("过滤-卡口").doesNotContain("过滤-看号");
        assertThat(district.get("/audit?actor=" + admin.username()).body()).contains("过滤-看号").doesNotContain("过滤-卡口");
        assertThat(district.get("/audit?estate=" + estate.id()).body()).contains("过滤-看号").contains("过滤-卡口");
        String yesterday = clock.today().minusDays(1).toString();
        assertThat(district.get("/audit?from=" + yesterday + "&to=" + yesterday).body()).doesNotContain("过滤-看号");
        assertThat(district.get("/audit?lang=en&actor=" + URLEncoder.encode(admin.username(), StandardCharsets.UTF_8)).body())
                .contains("Audit trail").contains("Full ID number viewed");
    }

    @Test
    void theTrailRefusesUpdateDeleteAndTruncate() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        trail.record(AuditEntry.by(estate.admin().user(), AuditAction.ID_VIEW, "改不了"));
        long id = jdbc.sql("SELECT max(id) FROM audit_log WHERE subject = '改不了'").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET reason = 'edited' WHERE id = :id").param("id", id).update())
                .hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", id).update())
                .hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update()).hasMessageContaining("audit_log is append-only");
        assertThat(jdbc.sql("SELECT reason IS NULL FROM audit_log WHERE id = :id").param("id", id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void anIdNumberInASubjectIsMaskedBeforeItIsWritten() {
        assertThat(AuditEntry.masked("DEMO:11010519491231002X:GREEN:x")).isEqualTo("DEMO:1101**********002X:GREEN:x");
        assertThat(new AuditEntry(AuditAction.EXPORT, null, "x", null, null, "搜索=110105194912310025", null, null, "  ", null))
                .extracting(AuditEntry::subject, AuditEntry::reason).containsExactly("搜索=1101**********0025", null);
    }
}
