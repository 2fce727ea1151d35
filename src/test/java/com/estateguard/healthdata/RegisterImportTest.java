package com.estateguard.healthdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.tabular.RowError;
import com.estateguard.healthdata.internal.RegisterImport;
import com.estateguard.policy.PolicyPreset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The NAT comparison register import: bad rows reported, good rows kept, a repeat changes nothing. */
@IntegrationTest
class RegisterImportTest {

    @LocalServerPort
    int port;
    @Autowired
    RegisterImport imports;
    @Autowired
    HealthSources sources;
    @Autowired
    PersonKeys keys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    TestData.Person admin;

    @BeforeEach
    void anEstateAdministratorWhoImportsRegisters() {
        admin = data.estate(PolicyPreset.BEIJING_2022).admin();
    }

    @Test
    void goodRowsImportBadRowsAreReportedAndARepeatChangesNothing() throws IOException {
        String good1 = Fixtures.newIdNumber();
        String good2 = Fixtures.newIdNumber();
        String csv = """
                姓名,身份证号,采样时间,结果
                王建国,%s,2026-11-20 08:30,阴性
                李桂兰,%s,2026/11/21 9:05,阳性
                张三,110105198001011234,2026-11-20 08:30,阴性
                ,%s,2026-11-20 08:30,阴性
                赵六,%s,昨天,阴性
                钱七,%s,2026-11-20 08:30,待定
                """.formatted(good1, good2, Fixtures.newIdNumber(), Fixtures.newIdNumber(), Fixtures.newIdNumber());
        CurrentUser by = admin.user();

        var first = imports.importFile(RegisterImport.Kind.NAT, "核酸比对登记簿.csv", stream(csv), by);
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.errors()).extracting(RowError::row).containsExactly(4, 5, 6, 7);
        assertThat(first.errors().get(0).reason()).contains("身份证号无效");
        assertThat(sources.latestNat(keys.keyOf(good2)).orElseThrow().result()).isEqualTo(NatResult.POSITIVE);
        assertThat(sources.latestNat(keys.keyOf(good2)).orElseThrow().source()).isEqualTo("REGISTER");

        var again = imports.importFile(RegisterImport.Kind.NAT, "核酸比对登记簿.csv", stream(csv), by);
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM health_nat_result WHERE person_key IN (:a, :b)")
                .param("a", keys.keyOf(good1)).param("b", keys.keyOf(good2)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRowRepeatedInTheSameFileIsImportedOnceTheFirstTimeItAppears() throws IOException {
        String id = Fixtures.newIdNumber();
        String csv = """
                姓名,身份证号,采样时间,结果
                周一,%1$s,2026-11-20 08:30,阴性
                周一,%1$s,2026-11-20 08:30,阳性
                周一,%1$s,2026-11-21 08:30,阴性
                """.formatted(id);

        var result = imports.importFile(RegisterImport.Kind.NAT, "核酸比对登记簿.csv", stream(csv), admin.user());

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT result FROM health_nat_result WHERE person_key = :k ORDER BY sampled_at")
                .param("k", keys.keyOf(id)).query(String.class).list()).containsExactly("NEGATIVE", "NEGATIVE");
    }

    @Test
    void aHealthCodeListMakesAScannedIdResolveThroughTheRegister() throws IOException {
        String id = Fixtures.newIdNumber();
        imports.importFile(RegisterImport.Kind.HEALTH_CODE, "名单.csv",
                stream("姓名,身份证号,时间,状态\n孙黄,%s,2026-11-22 10:00,黄码\n".formatted(id)), admin.user());

        var result = sources.healthCode("HC:" + id).orElseThrow();
        assertThat(result.status()).isEqualTo(CodeStatus.YELLOW);
        assertThat(result.source()).isEqualTo("REGISTER");
        assertThat(result.demo()).isFalse();
        assertThat(result.idMasked()).doesNotContain(id.substring(6, 14));
    }

    @Test
    void aCorruptExcelFileIsRefusedWithAClearMessageNotAServerError() {
        var page = admin.login(port);
        assertThat(page.get("/health-registers").status()).isEqualTo(200);
        byte[] corrupt = "PK\u0003\u0004 这不是 Excel 文件".getBytes(StandardCharsets.UTF_8);

        var response = page.postFile("/health-registers", Map.of("kind", "NAT"), "file", "核酸比对登记簿.xlsx", corrupt);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("无法读取该文件");
    }

    @Test
    void theDemoSourceIsLabelledAsDemo() {
        var result = sources.healthCode("DEMO:" + Fixtures.newIdNumber() + ":RED:演示").orElseThrow();
        assertThat(result.demo()).isTrue();
        assertThat(result.source()).isEqualTo("DEMO");
        assertThat(sources.healthCode("garbage")).isEmpty();
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
