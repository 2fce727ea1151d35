package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.healthdata.HealthRegisters;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "一登三查" at the estate gate (trust issue, finding 3; 000, ACC-05, ACC-14): under Beijing 2022 a
 * renovation worker with a green scanned code and a 10-hour NAT is still refused until they are in
 * the NAT comparison register; under Kunshan 2020, which does not name the register, they are not.
 */
@IntegrationTest
class NatRegisterAtTheGateTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    HealthRegisters registers;

    @Test
    void aWorkerOutsideTheRegisterIsRefusedUntilRegisteredUnderBeijing2022() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String id = Fixtures.newIdNumber();

        var refused = estate.terminal(port).postJson("/api/v1/checks", worker(estate.southGate(), id));
        assertThat(refused.body()).contains("\"verdict\":\"REFUSE\"").contains("NOT_IN_NAT_REGISTER");

        registers.record(HealthRegisters.Kind.NAT, id, "登记工人", clock.instant().minus(Duration.ofHours(10)), "NEGATIVE", "test");
        var allowed = estate.terminal(port).postJson("/api/v1/checks", worker(estate.southGate(), id));
        assertThat(allowed.body()).contains("\"verdict\":\"ALLOW\"").doesNotContain("NOT_IN_NAT_REGISTER");
    }

    @Test
    void kunshan2020DoesNotAskForTheRegister() {
        var estate = data.estate(PolicyPreset.KUNSHAN_2020);
        clock.setToday(10, 0);
        var response = estate.terminal(port).postJson("/api/v1/checks", worker(estate.southGate(), Fixtures.newIdNumber()));
        assertThat(response.body()).doesNotContain("NOT_IN_NAT_REGISTER");
    }

    private String worker(long gate, String idNumber) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RENOVATION_WORKER","personName":"装修工人",
                 "idNumber":"%s",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"3号楼装修","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), gate, idNumber, clock.instant().minus(10, ChronoUnit.HOURS));
    }
}
