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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A check's evidence stored compactly (format 2, issue 12 §4 "a smaller row"): a new record holds it under short names
 * with "v": 2, in fewer bytes than the API's form (the names' share); read back (a retry's answer) it is the
 * evidence answered the first time, and access_check_evidence() (V226) gives it in the API's names to whoever reads
 * the table; and a record stored before (format 1) still reads as it did, in the list's export.
 */
@IntegrationTest
class StoredEvidenceFormatTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void aNewRecordIsStoredCompactlyAndReadsBackAsAnswered() {
        clock.setLocal(clock.unusedDay().atTime(9, 0));
        TestData.Estate estate = data.estate(PolicyPreset.BEIJING_2022);
        UUID clientId = UUID.randomUUID();
        String body = check(clientId, estate, "37.9");

        var first = estate.terminal(port).postJson("/api/v1/checks", body);
        var retry = estate.terminal(port).postJson("/api/v1/checks", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        JsonNode answered = json.readTree(first.body()).get("evidence");
        assertThat(json.readTree(retry.body()).get("evidence")).as("read back from the stored row").isEqualTo(answered);
        assertThat(answered.get("answers").get("symptoms").asBoolean(true)).isFalse();

        var stored = jdbc.sql("""
                        SELECT c.evidence ->> 'v' AS v, c.evidence -> 'tp' ->> 'c' AS celsius, jsonb_exists(c.evidence, 'temperature') AS long_names,
                               pg_column_size(c.evidence) AS size, pg_column_size(cast(:before AS jsonb)) AS size_before
                          FROM access_check c JOIN access_check_client k ON k.check_id = c.id WHERE k.client_id = :c""")
                .param("c", clientId).param("before", formatOne(answered))
                .query((rs, i) -> new Object[] {rs.getString("v"), rs.getString("celsius"), rs.getBoolean("long_names"),
                        rs.getInt("size"), rs.getInt("size_before")}).single();
        assertThat(jdbc.sql("""
                        SELECT access_check_evidence(c.evidence) = jsonb_strip_nulls(cast(:answered AS jsonb))
                          FROM access_check c JOIN access_check_client k ON k.check_id = c.id WHERE k.client_id = :c""")
                .param("c", clientId).param("answered", answered.toString()).query(Boolean.class).single())
                .as("access_check_evidence(), for whoever reads the table, gives the API's names back").isTrue();
        assertThat(stored[0]).isEqualTo("2");
        assertThat(stored[1]).isEqualTo("37.9");
        assertThat(stored[2]).isEqualTo(false);
        assertThat((int) stored[3]).as("bytes stored, against %s in the API's form", stored[4])
                .isLessThan((int) stored[4] * 85 / 100);   // (this check's values are long: two device claims, named in Chinese)
    }

    @Test
    void aRecordStoredBeforeReadsAsItDid() throws Exception {
        clock.setLocal(clock.unusedDay().atTime(9, 0));
        TestData.Estate estate = data.estate(PolicyPreset.BEIJING_2022);
        assertThat(estate.terminal(port).postJson("/api/v1/checks", check(UUID.randomUUID(), estate, "36.6")).status())
                .isEqualTo(201);
        jdbc.sql("""
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, evidence,
                                                  decision, reason_codes, reasons, policy_version_id, created_by, person_name)
                        VALUES (gen_random_uuid(), :e, :n, :at, 'IN', 'VISITOR', cast(:evidence AS jsonb), 'REFUSE',
                                ARRAY['FEVER'], '[{"code": "FEVER", "detail": "38.2 > 37.3"}]'::jsonb,
                                (SELECT min(id) FROM policy_version), 'test', '旧格式访客')""")
                .param("e", estate.id()).param("n", estate.southGate()).param("at", Timestamp.from(clock.instant().minusSeconds(60)))
                .param("evidence", """
                        {"nat": null, "mask": true, "answers": {"symptoms": false, "destination": "探亲"},
                         "credential": {"type": "ID_DOCUMENT", "verified": true, "reference": "身份证", "accessControl": false},
                         "healthCode": {"demo": false, "input": null, "source": "REGISTER", "status": "GREEN", "claimedBy": null,
                         "acquisition": "SCANNED"}, "temperature": {"method": "HANDHELD_GUN", "celsius": 38.2}, "threeChecks": null}""")
                .update();

        assertThat(jdbc.sql("SELECT access_check_evidence(evidence) = evidence FROM access_check WHERE person_name = '旧格式访客' AND estate_id = :e")
                .param("e", estate.id()).query(Boolean.class).single()).as("format 1 comes through as it is").isTrue();
        var xlsx = estate.admin().login(port).getBytes("/checks/export.xlsx?from=" + clock.today() + "&estate=" + estate.id());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<Row> rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            rows = wb.getFirstSheet().read();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().skip(1).map(r -> r.getCellText(5) + " " + r.getCellText(8)))
                .containsExactlyInAnyOrder("旧格式访客 38.2", "测试访客 36.6");
    }

    /** The evidence as format 1 stored it: the API's names, every part written, nulls included. */
    private String formatOne(JsonNode answered) {
        return answered.toString();
    }

    private String check(UUID clientId, TestData.Estate estate, String celsius) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"测试访客",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"5号楼探亲","symptoms":false},"mask":true}}"""
                .formatted(clientId, estate.southGate(), celsius, clock.instant().minus(10, ChronoUnit.HOURS));
    }
}
