package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.tabular.RowError;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.ResidentExport;
import com.estateguard.residents.internal.ResidentImport;
import com.estateguard.residents.internal.ResidentRegister;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register import from Excel: good rows in, every bad row reported, a repeat changes nothing. */
@IntegrationTest
class ResidentImportTest {

    @LocalServerPort
    int port;
    @Autowired
    ResidentImport imports;
    @Autowired
    ResidentRegister register;
    @Autowired
    ResidentExport export;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    @Test
    void goodRowsAreImportedBadRowsReportedAndARepeatChangesNothing() throws IOException {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        CurrentUser admin = ours.admin().user();
        long estate = ours.id();
        String a = Fixtures.newIdNumber();
        String b = Fixtures.newIdNumber();
        String c = Fixtures.newIdNumber();
        byte[] file = xlsx(List.of(
                row("9", "1", "101", "钱多多", a, "13912345678", "业主", "否", "是"),
                row("9", "1", "101", "钱小小", b, "", "租户", "是", ""),
                row("9", "2", "202", "孙房东", c, "0512-57001234", "房东", "", ""),
                row("9", "1", "102", "错号码", "110105198001011234", "", "业主", "", ""),
                row("9", "1", "102", "", Fixtures.newIdNumber(), "", "业主", "", ""),
                row("9", "1", "102", "手机错", Fixtures.newIdNumber(), "12345", "业主", "", ""),
                row("9", "1", "102", "类别错", Fixtures.newIdNumber(), "", "亲戚", "", ""),
                row("9", "1", "103", "重复人", a, "", "业主", "", ""),
                row("", "", "", "", "", "", "", "", ""),
                row("", "1", "104", "无楼栋", Fixtures.newIdNumber(), "", "业主", "", "")));

        var first = imports.importFile(estate, "名册.xlsx", new ByteArrayInputStream(file), admin);
        assertThat(first.total()).isEqualTo(9);
        assertThat(first.added()).isEqualTo(3);
        assertThat(first.errors()).extracting(RowError::row).containsExactly(5, 6, 7, 8, 9, 11);
        assertThat(first.errors().get(0).reason()).contains("身份证号无效");
        assertThat(first.errors().get(4).reason()).contains("第 2 行重复");
        assertThat(first.added() + first.errors().size()).isEqualTo(first.total());

        String versions = "SELECT string_agg(xmin::text || coalesce(updated_at::text, '-'), ',' ORDER BY id) FROM res_person"
                + " WHERE estate_id = :e";
        String before = jdbc.sql(versions).param("e", estate).query(String.class).single();
        var again = imports.importFile(estate, "名册.xlsx", new ByteArrayInputStream(file), admin);
        assertThat(jdbc.sql(versions).param("e", estate).query(String.class).single())
                .as("an unchanged row is not rewritten").isEqualTo(before);
        assertThat(again.added()).isZero();
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(register.page(estate, a, null, admin, null, null, 10).rows()).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("钱多多");
                    assertThat(p.accessControl()).isTrue();
                    assertThat(p.idMasked()).isEqualTo(a.substring(0, 4) + "**********" + a.substring(14));
                });
    }

    @Test
    void aChangedRowUpdatesThePersonAndTheIdIsEncryptedAtRest() throws IOException {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        CurrentUser admin = ours.admin().user();
        long estate = ours.id();
        String id = Fixtures.newIdNumber();
        imports.importFile(estate, "a.xlsx", new ByteArrayInputStream(xlsx(List.<String[]>of(row("8", "", "301", "周租客", id, "", "租户", "", "")))), admin);
        var moved = imports.importFile(estate, "b.xlsx",
                new ByteArrayInputStream(xlsx(List.<String[]>of(row("8", "", "302", "周租客", id, "13800000001", "租户", "是", "")))), admin);

        assertThat(moved.changed()).isEqualTo(1);
        var person = register.page(estate, id, null, admin, null, null, 10).rows().get(0);
        assertThat(person.room()).isEqualTo("302");
        assertThat(person.noSmartphone()).isTrue();
        String stored = jdbc.sql("SELECT id_cipher FROM res_person WHERE id = :id").param("id", person.id()).query(String.class).single();
        assertThat(stored).doesNotContain(id).doesNotContain(id.substring(6, 14));
        assertThat(register.fullIdNumber(person.id(), null, admin)).isEqualTo(id);
        assertThat(register.fullIdNumber(person.id(), null, ours.guard().user())).isEqualTo(person.idMasked());
    }

    @Test
    void theExportReadsBackInTheTemplateColumnsAndOtherEstatesAreOutOfScope() throws IOException {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        CurrentUser admin = ours.admin().user();
        long estate = ours.id();
        String id = Fixtures.newIdNumber();
        imports.importFile(estate, "名册.xlsx", new ByteArrayInputStream(xlsx(List.of(
                row("1", "1", "101", "吴一", id, "", "业主", "", ""),
                row("1", "1", "102", "吴二", Fixtures.newIdNumber(), "", "租户", "", ""),
                row("2", "", "201", "吴三", Fixtures.newIdNumber(), "", "房东", "", "")))), admin);
        var out = new ByteArrayOutputStream();
        export.export(estate, null, null, null, admin, out);
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(4)).isEqualTo("身份证号");
            assertThat(rows.size() - 1L).isEqualTo(3).isEqualTo(register.page(estate, null, null, admin, null, null, 10).counted());
            assertThat(rows.get(1).getCellText(3)).isEqualTo("吴一");
        }
        long other = data.estate(PolicyPreset.BEIJING_2022).id();
        assertThatThrownBy(() -> imports.importFile(other, "x.xlsx", new ByteArrayInputStream(xlsx(List.of())), admin))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.importFile(estate, "x.xlsx", new ByteArrayInputStream(xlsx(List.of())), admin))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCorruptExcelFileIsRefusedWithAClearMessageNotAServerError() throws IOException {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        var admin = ours.admin().login(port);
        assertThat(admin.get("/residents").status()).isEqualTo(200);
        long estate = ours.id();
        byte[] whole = xlsx(List.<String[]>of(row("9", "1", "101", "钱多多", Fixtures.newIdNumber(), "", "业主", "", "")));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        var response = admin.postFile("/residents/import", Map.of("estate", String.valueOf(estate)), "file", "名册.xlsx", truncated);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("无法读取该文件");
    }

    static String[] row(String... cells) {
        return cells;
    }

    static byte[] xlsx(List<String[]> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("住户名册");
        for (int c = 0; c < ResidentImport.COLUMNS.size(); c++) {
            ws.value(0, c, ResidentImport.COLUMNS.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                if (!rows.get(r)[c].isEmpty()) {
                    ws.value(r + 1, c, rows.get(r)[c]);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
