package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The curfew (ACC-09) read from the application's clock, end to end: an estate of the test's own runs
 * the Kunshan 2020 preset (00:00-06:00), and its terminal sends the same resident's check without a
 * time of its own, so the server's clock decides when it happened.
 */
@IntegrationTest
class CurfewTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    TestClient terminal;
    long southGate;

    @BeforeEach
    void aTerminalAtAnEstateUnderKunshanRules() {
        var estate = data.estate(PolicyPreset.KUNSHAN_2020);
        southGate = estate.southGate();
        terminal = estate.terminal(port);
    }

    @Test
    void aResidentAtHalfPastMidnightIsTurnedBackForTheCurfew() {
        clock.setToday(0, 30);

        var response = terminal.postJson("/api/v1/checks", residentCheck());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"verdict\":\"REFUSE\"").contains("{\"code\":\"CURFEW\",\"detail\":\"00:00-06:00\"}");
        assertThat(localTimeOf(response.body())).isBetween(LocalTime.of(0, 30), LocalTime.of(0, 31));
    }

    @Test
    void theSameResidentAtTenInTheMorningIsLetIn() {
        clock.setToday(10, 0);

        var response = terminal.postJson("/api/v1/checks", residentCheck());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"verdict\":\"ALLOW\"").contains("\"reasons\":[]");
        assertThat(localTimeOf(response.body())).isBetween(LocalTime.of(10, 0), LocalTime.of(10, 1));
    }

    /** A resident with a verified access card and a normal temperature: all Kunshan asks of them. */
    private String residentCheck() {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"宵禁测试",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ACCESS_CARD","reference":"门禁卡","verified":true,"accessControl":true},
                   "answers":{"destination":"回家","symptoms":false},"mask":true}}""".formatted(UUID.randomUUID(), southGate);
    }

    /** When the server recorded the check, on the estate's wall clock. */
    private LocalTime localTimeOf(String body) {
        String at = body.replaceAll(".*\"occurredAt\":\"([^\"]+)\".*", "$1");
        return Instant.parse(at).atZone(clock.localZone()).toLocalTime();
    }
}
