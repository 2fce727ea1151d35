package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A terminal cannot vouch for a pass (trust issue, findings 2 and 8): a credential offered as a
 * PASS is verified by the server from its signed token whatever the device says, and a crafted
 * reference is a forged pass, never an error.
 */
@IntegrationTest
class PassClaimTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;

    @ParameterizedTest
    @ValueSource(strings = {"pass:1:X", "pass:12:NO_SUCH_FAILURE", "pass:1", "EGP1.not-a-token", "出入证 3-2-301"})
    void aPassTheDeviceCallsVerifiedIsRefusedUnlessItsTokenVerifies(String reference) {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var response = estate.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT","personName":"随便填的名字",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"PASS","reference":"%s","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), reference, clock.instant().minus(5, ChronoUnit.HOURS)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"verdict\":\"REFUSE\"").contains("PASS_FORGED")
                .contains("\"verified\":false");
    }
}
