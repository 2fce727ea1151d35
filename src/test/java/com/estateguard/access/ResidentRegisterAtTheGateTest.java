package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ACC-04 and the trust issue (build item 3): a RESIDENT or TENANT comes in on a valid pass, through
 * the access-control system, or as a person of that estate's residents register. A name and an ID
 * the register does not hold is not a resident: the platform refers them to the shift leader
 * (NOT_IN_RESIDENT_REGISTER) instead of allowing them on the terminal's word.
 */
@IntegrationTest
class ResidentRegisterAtTheGateTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    TestClock clock;

    @Test
    void someoneWhoIsNotInTheRegisterIsReferredNotAllowed() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var response = estate.terminal(port).postJson("/api/v1/checks",
                resident(estate.southGate(), "RESIDENT", Fixtures.newIdNumber(), false));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"verdict\":\"REFER\"").contains("NOT_IN_RESIDENT_REGISTER");
    }

    @Test
    void aRegisteredResidentIsAllowed() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var owner = residents.resident(estate, "2", "1", "101", "登记住户");
        var response = estate.terminal(port).postJson("/api/v1/checks",
                resident(estate.southGate(), "RESIDENT", owner.idNumber(), false));
        assertThat(response.body()).contains("\"verdict\":\"ALLOW\"").doesNotContain("NOT_IN_RESIDENT_REGISTER");
    }

    @Test
    void aResidentOfAnotherEstateIsNotAResidentHere() {
        var home = data.estate(PolicyPreset.BEIJING_2022);
        var elsewhere = data.estate(PolicyPreset.BEIJING_2022);
        var owner = residents.resident(home, "2", "1", "102", "别处住户");
        var response = elsewhere.terminal(port).postJson("/api/v1/checks",
                resident(elsewhere.southGate(), "TENANT", owner.idNumber(), false));
        assertThat(response.body()).contains("\"verdict\":\"REFER\"").contains("NOT_IN_RESIDENT_REGISTER");
    }

    @Test
    void theAccessControlSystemsTerminalVouchesForItsCardHolder() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var response = estate.terminal(port).postJson("/api/v1/checks",
                resident(estate.southGate(), "RESIDENT", null, true));
        assertThat(response.body()).contains("\"verdict\":\"ALLOW\"").doesNotContain("NOT_IN_RESIDENT_REGISTER");
    }

    @Test
    void leavingIsNotAsked() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var response = estate.terminal(port).postJson("/api/v1/checks",
                resident(estate.southGate(), "RESIDENT", Fixtures.newIdNumber(), false).replace("\"IN\"", "\"OUT\""));
        assertThat(response.body()).doesNotContain("NOT_IN_RESIDENT_REGISTER");
    }

    private String resident(long gate, String category, String idNumber, boolean accessCard) {
        String credential = accessCard
                ? "{\"type\":\"ACCESS_CARD\",\"reference\":\"门禁卡\",\"verified\":true,\"accessControl\":true}"
                : "{\"type\":\"ID_DOCUMENT\",\"reference\":\"身份证\",\"verified\":true,\"accessControl\":false}";
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"%s","personName":"自称住户",%s
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":%s,
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), gate, category, idNumber == null ? "" : "\"idNumber\":\"" + idNumber + "\",",
                        credential, clock.instant().minus(10, ChronoUnit.HOURS));
    }
}
