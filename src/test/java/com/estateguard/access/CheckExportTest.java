package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An estate's day of checks as Excel (issue 12 section 3): every record the list's filters select, across
 * the list's pages (2,502 records, the list reads them 1,000 at a time), with Chinese headers and labels;
 * a refusal filter gives only the refusals; the export is audited; a guard may not export.
 */
@IntegrationTest
class CheckExportTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEstatesDayComesOutWholeWithChineseHeadersAndIsAudited() throws Exception {
        clock.setLocal(clock.unusedDay().atTime(9, 0));
        TestData.Estate estate = data.estate(PolicyPreset.BEIJING_2022);
        assertThat(estate.terminal(port).postJson("/api/v1/checks", check(estate, "38.4")).status()).isEqualTo(201);
        assertThat(estate.terminal(port).postJson("/api/v1/checks", check(estate, "36.5")).status()).isEqualTo(201);
        jdbc.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                                  decision, reason_codes, reasons, policy_version_id, created_by, person_name)
                        SELECT gen_random_uuid(), :e, :n, cast(:at AS timestamptz) - g * interval '10 second', 'IN', 'RESIDENT', '{}'::jsonb, 'ALLOW',
                               ARRAY[]::text[], '[]'::jsonb, (SELECT min(id) FROM policy_version), 'test', '住户' || g
                          FROM generate_series(1, 2500) g""")
                .param("e", estate.id()).param("n", estate.southGate()).param("at", Timestamp.from(clock.instant())).update();
        var admin = estate.admin().login(port);

        var xlsx = admin.getBytes("/checks/export.xlsx?from=" + clock.today() + "&estate=" + estate.id());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        List<Row> rows = sheet(xlsx.body());
        assertThat(rows.get(0).getCellText(0)).isEqualTo("时间");
        assertThat(rows.get(0).getCellText(12)).isEqualTo("结论");
        assertThat(rows.get(0).getCellText(13)).isEqualTo("原因");
        assertThat(rows).hasSize(1 + 2502);
        assertThat(rows.stream().skip(1).map(r -> r.getCellText(17)).distinct()).hasSize(2502);
        Row refusal = rows.stream().filter(r -> "劝返".equals(r.getCellText(12))).findFirst().orElseThrow();
        assertThat(refusal.getCellText(13)).contains("体温异常");
        assertThat(refusal.getCellText(8)).isEqualTo("38.4");
        assertThat(refusal.getCellText(5)).isEqualTo("测试访客");
        assertThat(refusal.getCellText(3)).isEqualTo("进");

        List<Row> refusals = sheet(admin.getBytes("/checks/export.xlsx?from=" + clock.today() + "&estate=" + estate.id()
                + "&decision=REFUSE").body());
        assertThat(refusals).hasSize(2);

        assertThat(jdbc.sql("SELECT row_count FROM audit_log WHERE estate_id = :e AND action = 'EXPORT' ORDER BY id")
                .param("e", estate.id()).query(Integer.class).list()).containsExactly(2502, 1);
        assertThat(estate.guard().login(port).getBytes("/checks/export.xlsx?estate=" + estate.id()).statusCode()).isEqualTo(403);
        assertThat(admin.get("/checks?from=" + clock.today()).body()).contains("/checks/export.xlsx?from=" + clock.today());
    }

    private static List<Row> sheet(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getFirstSheet().read();
        }
    }

    private String check(TestData.Estate estate, String celsius) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"测试访客",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"5号楼探亲","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), celsius, clock.instant().minus(10, ChronoUnit.HOURS));
    }
}
