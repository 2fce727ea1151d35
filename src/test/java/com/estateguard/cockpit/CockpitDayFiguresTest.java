package com.estateguard.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.cockpit.internal.DayFigureJob;
import com.estateguard.policy.PolicyPreset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledgers' figures the cockpit keeps per estate and day, each counted by the module that owns
 * the records: every family answers, and the estate's open follow-ups and its missing daily report
 * show on its cockpit once the day's figures are refreshed.
 */
@IntegrationTest
class CockpitDayFiguresTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    List<DayFigures> families;
    @Autowired
    DayFigureJob job;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyModuleCountsItsFiguresAndTheEstateSeesThem() {
        clock.setToday(23, 0);   // after any daily-report deadline: today's unsent report is missing
        TestData.Estate estate = data.estate(PolicyPreset.BEIJING_2022);
        var fever = estate.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"发热访客",
                 "evidence":{"temperature":{"celsius":38.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), clock.instant().minus(5, ChronoUnit.HOURS)));
        assertThat(fever.body()).contains("FEVER");

        assertThat(families).extracting(DayFigures::family)
                .contains("FOLLOWUP", "REPORT", "HYGIENE", "SUPPLY", "STAFF", "INCIDENT", "SUPERVISION");
        families.forEach(f -> assertThatCode(() -> f.of(clock.today())).as(f.family()).doesNotThrowAnyException());
        job.refresh(clock.today());

        long open = jdbc.sql("SELECT count(*) FROM access_follow_up WHERE estate_id = :e AND status = 'OPEN'")
                .param("e", estate.id()).query(Long.class).single();
        assertThat(open).isPositive();
        String figures = estate.admin().login(port).get("/cockpit/figures.json").body();
        assertThat(figures).contains("\"FOLLOWUP.OPEN\":" + open).contains("\"REPORT.MISSING\":1");
        assertThat(estate.admin().login(port).get("/cockpit").body()).contains("日报未报");
    }
}
