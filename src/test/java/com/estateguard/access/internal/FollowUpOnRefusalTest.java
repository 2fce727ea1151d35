package com.estateguard.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.CheckId;
import com.estateguard.access.CheckRefused;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EstateId;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.PolicyVersionId;
import com.estateguard.policy.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A refusal opens its follow-ups after the check is committed, through the event registry: the
 * gate's answer does not wait for them, a failed listener would be retried, and a retry (the same
 * event again) never opens a follow-up twice.
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
    FollowUpOpener opener;

    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    @Test
    void aFeverRefusalReportsToTheCommunityOnceEvenWhenTheEventComesAgain() {
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

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(followUps.forCheck(checkId))
                .extracting(FollowUps.FollowUpView::kind).contains(FollowUpKind.REPORT_COMMUNITY));
        int opened = followUps.forCheck(checkId).size();

        long policy = jdbc.sql("SELECT policy_version_id FROM access_check WHERE id = :id").param("id", checkId)
                .query(Long.class).single();
        opener.on(new CheckRefused(new CheckId(checkId), new EstateId(estate.id()), new EntranceId(southGate), new PolicyVersionId(policy),
                List.of(ReasonCode.FEVER), clock.instant(), "retry"));

        assertThat(followUps.forCheck(checkId)).hasSize(opened);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single()).isZero());
    }
}
