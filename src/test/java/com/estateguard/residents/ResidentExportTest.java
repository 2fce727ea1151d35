package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.common.IdNumber;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentExport;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PIPL for the register (issue 8, finding 6): the guard reads the register at the gate but cannot
 * download it; an export masks ID numbers unless the user may see them and gives a reason; every
 * export and every full ID number shown is in the audit trail, which never holds a full number.
 */
@IntegrationTest
class ResidentExportTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ResidentRegister register;
    @Autowired
    ResidentExport export;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Passes passes;

    record Audited(String action, String actorName, Long estateId, String subject, Integer rowCount, Boolean masked,
                   String reason) {
    }

    @Test
    void aGuardCannotDownloadTheRegister() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        add(estate, "卫门外");
        var guard = estate.guard().login(port);

        assertThat(guard.get("/residents").body()).contains("卫门外").doesNotContain("export-form");
        assertThat(guard.get("/residents/export.xlsx").status()).isEqualTo(403);
        assertThat(guard.get("/residents/export.xlsx?estate=" + estate.id()).status()).isEqualTo(403);
        assertThat(guard.postForm("/residents/export.xlsx", Map.of("estate", String.valueOf(estate.id()))).status()).isEqualTo(403);
        assertThatThrownBy(() -> export.export(estate.id(), null, null, null, estate.guard().user(), new ByteArrayOutputStream()))
                .isInstanceOf(NotPermittedException.class);
        assertThat(ResidentPermission.RESIDENT_EXPORT.grantedTo(Role.GUARD)).isFalse();
        assertThat(audited(estate.guard().username())).isEmpty();
    }

    @Test
    void withoutAReasonTheExportIsMaskedAndTheAuditTrailSaysSo() throws IOException {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String id = add(estate, "严守秘");
        var admin = estate.admin();

        List<String> ids = idColumn(estate, "  ", admin);

        assertThat(ids).containsExactly(IdNumber.mask(id));
        assertThat(audited(admin.username())).containsExactly(
                new Audited("EXPORT", admin.username(), estate.id(), "住户名册", 1, true, null));
    }

    @Test
    void withTheRightAndAReasonTheExportHasFullNumbersAndTheReasonIsRecorded() throws IOException {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String id = add(estate, "全号码");
        var admin = estate.admin();

        List<String> ids = idColumn(estate, "报送社区核查", admin);

        assertThat(ids).containsExactly(id);
        assertThat(audited(admin.username())).containsExactly(
                new Audited("EXPORT", admin.username(), estate.id(), "住户名册", 1, false, "报送社区核查"));
    }

    @Test
    void thePageOffersTheReasonAndItsPostIsAuditedWithTheClientsReason() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String id = add(estate, "页面导");
        var admin = estate.admin().login(port);
        String page = admin.get("/residents").body();
        assertThat(page).contains("export-form").contains("导出完整身份证号的理由").contains("留空则导出脱敏号码");

        var response = admin.postForm("/residents/export.xlsx", Map.of("estate", String.valueOf(estate.id()), "q", id,
                "kind", "", "reason", "疫情流调"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("spreadsheetml");
        Audited row = audited(estate.admin().username()).get(0);
        assertThat(row.masked()).isFalse();
        assertThat(row.reason()).isEqualTo("疫情流调");
        assertThat(row.subject()).contains(IdNumber.mask(id)).doesNotContain(id);
    }

    @Test
    void aFullIdNumberShownIsAuditedWithTheMaskedNumberOnly() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String id = Fixtures.newIdNumber();
        long person = register.add(estate.id(), new ResidentLine("5", "1", "501", "看全号", PersonKind.OWNER, "", id, false, false),
                estate.admin().user());
        var admin = estate.admin().login(port);

        assertThat(admin.get("/residents/" + person + "/id-number").body()).contains(id);

        assertThat(audited(estate.admin().username())).containsExactly(new Audited("ID_VIEW", estate.admin().username(),
                estate.id(), "住户 看全号 " + IdNumber.mask(id) + " #" + person, null, null, null));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject LIKE '%' || :id || '%' OR reason LIKE '%' || :id || '%'")
                .param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void theBatchOfPassesIsAnExportTooNotForTheGuardAndAudited() {
        var estate = data.estate(PolicyPreset.KUNSHAN_2020);
        long person = register.add(estate.id(), new ResidentLine("6", "1", "601", "批量证", PersonKind.OWNER, "",
                Fixtures.newIdNumber(), false, false), estate.admin().user());
        passes.issue(person, estate.admin().user());

        var guard = estate.guard().login(port);
        assertThat(guard.get("/passes").body()).contains("批量证").doesNotContain("/passes.pdf");
        assertThat(guard.get("/passes.pdf?estate=" + estate.id()).status()).isEqualTo(403);
        var admin = estate.admin().login(port);
        assertThat(admin.get("/passes").body()).contains("/passes.pdf");
        assertThat(admin.get("/passes.pdf?estate=" + estate.id()).contentType()).startsWith("application/pdf");

        assertThat(audited(estate.admin().username())).containsExactly(
                new Audited("EXPORT", estate.admin().username(), estate.id(), "出入证批量打印（PDF）", 1, true, null));
        assertThat(audited(estate.guard().username())).isEmpty();
    }

    private String add(TestData.Estate estate, String name) {
        String id = Fixtures.newIdNumber();
        register.add(estate.id(), new ResidentLine("8", "1", "801", name, PersonKind.OWNER, "13800001111", id, false, false),
                estate.admin().user());
        return id;
    }

    private List<String> idColumn(TestData.Estate estate, String reason, TestData.Person who) throws IOException {
        var out = new ByteArrayOutputStream();
        export.export(estate.id(), null, null, reason, who.user(), out);
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            return wb.getFirstSheet().read().stream().skip(1).map(r -> r.getCellText(4)).toList();
        }
    }

    private List<Audited> audited(String actor) {
        return jdbc.sql("""
                        SELECT action, actor_name, estate_id, subject, row_count, masked, reason FROM audit_log
                         WHERE actor_name = :actor AND action IN ('EXPORT', 'ID_VIEW') ORDER BY id""")
                .param("actor", actor).query(Audited.class).list();
    }
}
