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

    @Test
    void aFailureAfterTheFirstChunksWritesNothingOfTheFile() throws IOException {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        long estate = ours.id();
        List<String[]> people = people(ResidentImport.CHUNK + 1_000, 1);
        StringBuilder csv = new StringBuilder(String.join(",", ResidentImport.COLUMNS)).append('\n');
        people.forEach(p -> csv.append(String.join(",", p)).append('\n'));
        byte[] good = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // The last row opens a quote it never closes: the file is found unreadable only after the rows above
        // it have been read, checked and (the first chunk at least) written.
        byte[] brokenAtTheEnd = (csv + "9,1,999,\"没有结束,110105198001011237,,业主,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> imports.importFile(estate, "名册.csv", new ByteArrayInputStream(brokenAtTheEnd), ours.admin().user()))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.import.unreadable");
        assertThat(count("res_person", estate)).as("people of the file's first chunks").isZero();
        assertThat(count("res_household", estate)).isZero();
        assertThat(count("res_import_batch", estate)).isZero();

        var whole = imports.importFile(estate, "名册.csv", new ByteArrayInputStream(good), ours.admin().user());
        assertThat(whole.added()).isEqualTo(people.size());
        assertThat(count("res_person", estate)).isEqualTo(people.size());
    }

    @Test
    void twoImportsOfOneEstateAtOnceBothSucceedAndRegisterEachPersonOnce() throws Exception {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        long estate = ours.id();
        CurrentUser admin = ours.admin().user();
        List<String[]> people = people(6_000, 2);
        List<String[]> reversed = new java.util.ArrayList<>(people);
        java.util.Collections.reverse(reversed);
        byte[] forward = xlsx(people);
        byte[] backward = xlsx(reversed);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> {
                start.await();
                return imports.importFile(estate, "a.xlsx", new ByteArrayInputStream(forward), admin);
            });
            var other = pool.submit(() -> {
                start.await();
                return imports.importFile(estate, "b.xlsx", new ByteArrayInputStream(backward), admin);
            });
            start.countDown();
            var results = List.of(one.get(), other.get());

            assertThat(results).extracting(ResidentImport.Result::added).containsExactlyInAnyOrder(people.size(), 0);
            assertThat(results).extracting(ResidentImport.Result::unchanged).containsExactlyInAnyOrder(0, people.size());
            assertThat(count("res_person", estate)).isEqualTo(people.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFirstImportPutsAHomesPeopleInOneHouseholdAcrossChunksAndTellsHomesApart() throws IOException {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        long estate = ours.id();
        CurrentUser admin = ours.admin().user();
        // The register is empty: the import writes without ON CONFLICT. The first row's home appears again in
        // the last row, in another chunk; two homes whose parts would read the same if joined with a '|'.
        List<String[]> people = new java.util.ArrayList<>(people(1_500, 3));
        String[] last = people.get(people.size() - 1);
        String[] first = people.get(0);
        people.set(people.size() - 1, row(first[0], first[1], first[2], last[3], last[4], last[5], last[6], "", ""));
        String[] a = people.get(10);
        String[] b = people.get(20);
        people.set(10, row("7|8", "9", "101", a[3], a[4], a[5], a[6], "", ""));
        people.set(20, row("7", "8|9", "101", b[3], b[4], b[5], b[6], "", ""));

        var result = imports.importFile(estate, "名册.xlsx", new ByteArrayInputStream(xlsx(people)), admin);

        assertThat(result.added()).isEqualTo(people.size());
        assertThat(result.errors()).isEmpty();
        assertThat(homeOf(estate, first[4], admin)).as("the first and the last row live in one home").isEqualTo(homeOf(estate, last[4], admin));
        assertThat(jdbc.sql("SELECT count(*) FROM res_person p JOIN res_household h ON h.id = p.household_id"
                        + " WHERE p.estate_id = :e AND h.room = '101' AND h.building IN ('7|8', '7')")
                .param("e", estate).query(Long.class).single()).isEqualTo(2);
        assertThat(homeOf(estate, a[4], admin)).isNotEqualTo(homeOf(estate, b[4], admin));
        assertThat(jdbc.sql("SELECT count(*) FROM res_household WHERE estate_id = :e AND building = '7|8' AND unit = '9'")
                .param("e", estate).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM res_household WHERE estate_id = :e AND building = '7' AND unit = '8|9'")
                .param("e", estate).query(Long.class).single()).isEqualTo(1);

        // The register has people now: the same file again is upserted and changes nothing.
        var again = imports.importFile(estate, "名册.xlsx", new ByteArrayInputStream(xlsx(people)), admin);
        assertThat(again.unchanged()).isEqualTo(people.size());
        assertThat(count("res_person", estate)).isEqualTo(people.size());
    }

    @Test
    void homesWhosePartsReadAlikeStayApartInARegisterWithPeople() throws IOException {
        var ours = data.estate(PolicyPreset.BEIJING_2022);
        long estate = ours.id();
        CurrentUser admin = ours.admin().user();
        imports.importFile(estate, "a.xlsx", new ByteArrayInputStream(xlsx(List.<String[]>of(
                row("1", "", "101", "先来者", Fixtures.newIdNumber(), "", "业主", "", "")))), admin);
        // The register has people: this import upserts. Joined with '|' the two addresses were one key, the second
        // home was never written and its person was dropped by the look-up of homes by address.
        String a = Fixtures.newIdNumber();
        String b = Fixtures.newIdNumber();
        var result = imports.importFile(estate, "b.xlsx", new ByteArrayInputStream(xlsx(List.of(
                row("7|8", "9", "101", "甲", a, "", "业主", "", ""),
                row("7", "8|9", "101", "乙", b, "", "业主", "", "")))), admin);

        assertThat(result.added()).isEqualTo(2);
        assertThat(count("res_person", estate)).isEqualTo(3);
        assertThat(homeOf(estate, a, admin)).startsWith("7|8/9/101#");
        assertThat(homeOf(estate, b, admin)).startsWith("7/8|9/101#");
    }

    private String homeOf(long estate, String idNumber, CurrentUser admin) {
        return register.page(estate, idNumber, null, admin, null, null, 10).rows().stream()
                .map(p -> p.building() + "/" + p.unit() + "/" + p.room() + "#" + p.householdId()).findFirst().orElseThrow();
    }

    private long count(String table, long estate) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE estate_id = :e").param("e", estate).query(Long.class).single();
    }

    /** That many valid rows, four people a home, with ID numbers of their own (born in 1950 + series days). */
    private static List<String[]> people(int n, int series) {
        List<String[]> rows = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String first17 = "310101" + java.time.LocalDate.of(1950, 1, 1).plusDays(series * 100L + i / 1000).toString().replace("-", "")
                    + String.format("%03d", i % 1000);
            String id = first17 + com.estateguard.common.IdNumber.checkChar(first17);
            rows.add(row(String.valueOf(1 + i / 400), String.valueOf(1 + i % 2), String.valueOf(101 + (i / 4) % 100),
                    "住户" + i, id, "139" + String.format("%08d", i), "业主", "", ""));
        }
        return rows;
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
