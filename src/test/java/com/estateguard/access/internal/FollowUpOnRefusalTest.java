package com.estateguard.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.PolicyPreset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A refusal opens the follow-ups its policy calls for through the checkpoint's own CheckRefused
 * event, in the check's transaction: when the terminal has its answer, the follow-ups are there; an
 * allowed entry opens none.
 */
@IntegrationTest
class FollowUpOnRefusalTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FollowUps followUps;

    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    @Test
    void aFeverRefusalHasItsReportToTheCommunityWhenTheTerminalGetsItsAnswer() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        long southGate = estate.southGate();
        var response = estate.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"发热测试",
                 "evidence":{"temperature":{"celsius":38.6,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ACCESS_CARD","reference":"门禁卡","verified":true,"accessControl":true},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), southGate, clock.instant().minus(5, ChronoUnit.HOURS)));
        assertThat(response.body()).contains("\"verdict\":\"REFUSE\"").contains("FEVER");
        long checkId = Long.parseLong(response.body().replaceAll("(?s).*\"checkId\":(\\d+).*", "$1"));

        assertThat(followUps.forCheck(checkId)).extracting(FollowUps.FollowUpView::kind)
                .containsExactly(FollowUpKind.REPORT_COMMUNITY);

        var allowed = estate.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"正常测试",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ACCESS_CARD","reference":"门禁卡","verified":true,"accessControl":true},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), southGate, clock.instant().minus(5, ChronoUnit.HOURS)));
        assertThat(allowed.body()).contains("\"verdict\":\"ALLOW\"");
        assertThat(jdbc.sql("SELECT count(*) FROM access_follow_up WHERE estate_id = :e").param("e", estate.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
