package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.DomainException;
import com.estateguard.common.InvalidInputException;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.PassId;
import com.estateguard.residents.PassRevoked;
import com.estateguard.residents.internal.PassAlreadyIssued;
import com.estateguard.residents.internal.Passes;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A resident pass at the checkpoint (RES-03, ACC-04): verified by signature, refused once revoked, forged or returned recently. */
@IntegrationTest
@RecordApplicationEvents
class PassAtTheGateTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Passes passes;
    @Autowired
    ResidentRegister register;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEvents events;
    @Autowired
    TestData data;

    @Test
    void aValidPassIsAcceptedAndRefusedFromTheMomentItIsRevoked() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin().user();
        long person = newResident(estate);
        var pass = passes.issue(person, admin);
        String token = passes.token(pass);
        var terminal = estate.terminal(port);
        long south = estate.southGate();

        var ok = terminal.postJson("/api/v1/checks", check(south, token));
        assertThat(ok.body()).contains("\"verdict\":\"ALLOW\"").contains("pass:" + pass.id()).doesNotContain("PASS_");

        passes.revoke(new PassId(pass.id()), "搬离本小区", admin);
        assertThat(events.stream(PassRevoked.class)).extracting(PassRevoked::passId, PassRevoked::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new PassId(pass.id()), "搬离本小区"));
        var refused = terminal.postJson("/api/v1/checks", check(south, token));
        assertThat(refused.body()).contains("\"verdict\":\"REFUSE\"").contains("PASS_REVOKED").doesNotContain("CREDENTIAL_NOT_VERIFIED");

        var page = estate.admin().login(port);
        page.get("/passes/" + pass.id());
        var again = page.postForm("/passes/" + pass.id() + "/revoke", java.util.Map.of("reason", "再次撤销"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("该出入证已撤销");
        assertThat(jdbc.sql("SELECT revoke_reason FROM res_pass WHERE id = :id").param("id", pass.id()).query(String.class).single())
                .isEqualTo("搬离本小区");
    }

    @Test
    void aPassThatExpiredCanBeReissuedAndTheOldOneStaysExpired() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin().user();
        long person = newResident(estate);
        var first = passes.issue(person, admin);
        String oldToken = passes.token(first);

        clock.set(first.expiresAt().plus(java.time.Duration.ofHours(1)));
        var second = passes.issue(person, admin);

        assertThat(second.id()).isNotEqualTo(first.id());
        var terminal = estate.terminal(port);
        assertThat(terminal.postJson("/api/v1/checks", check(estate.southGate(), oldToken)).body()).contains("PASS_EXPIRED");
        assertThat(terminal.postJson("/api/v1/checks", check(estate.southGate(), passes.token(second))).body())
                .contains("\"verdict\":\"ALLOW\"").doesNotContain("PASS_");
        assertThatThrownBy(() -> passes.issue(person, admin)).isInstanceOf(PassAlreadyIssued.class);
    }

    @Test
    void anAlteredTokenIsRefusedAsForgedAndOnePassPerPerson() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin().user();
        long person = newResident(estate);
        var pass = passes.issue(person, admin);
        String token = passes.token(pass);
        // The signature's first character: all six of its bits are signature bits (the last one's are partly padding).
        int sig = token.lastIndexOf('.') + 1;
        String altered = token.substring(0, sig) + (token.charAt(sig) == 'A' ? 'B' : 'A') + token.substring(sig + 1);
        var terminal = estate.terminal(port);

        var refused = terminal.postJson("/api/v1/checks", check(estate.southGate(), altered));
        assertThat(refused.body()).contains("\"verdict\":\"REFUSE\"").contains("PASS_FORGED");
        assertThatThrownBy(() -> passes.issue(person, admin)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("pass.error.alreadyIssued");
    }

    @Test
    void aPassPastItsValidityIsRefusedAtTheGate() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var pass = passes.issue(newResident(estate), estate.admin().user());
        var terminal = estate.terminal(port);

        clock.set(pass.expiresAt().plusSeconds(60));
        var refused = terminal.postJson("/api/v1/checks", check(estate.southGate(), passes.token(pass)));
        assertThat(refused.body()).contains("\"verdict\":\"REFUSE\"").contains("PASS_EXPIRED");
    }

    @Test
    void someoneBackFromOutsideTheCityWithinTheWindowGetsNoPass() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin().user();
        long person = newResident(estate);
        var row = register.byId(person, admin);
        jdbc.sql("""
                        INSERT INTO res_return (estate_id, person_key, person_name, id_masked, from_place, risk_area, arrival_date,
                                                observation_end, created_by) VALUES (:e, :k, :n, :m, '武汉', true, :d, :end, 'test')""")
                .param("e", row.estateId()).param("k", row.personKey()).param("n", row.name()).param("m", row.idMasked())
                .param("d", clock.today().minusDays(3)).param("end", clock.today().minusDays(2)).update();

        assertThatThrownBy(() -> passes.issue(person, admin)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("pass.refused.recentReturn");
    }

    private long newResident(TestData.Estate estate) {
        return register.add(estate.id(), new ResidentLine("20", "1", "101", "证件测试", PersonKind.OWNER,
                "", Fixtures.newIdNumber(), false, false), estate.admin().user());
    }

    private String check(long entrance, String token) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"RESIDENT",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"terminal"},
                   "credential":{"type":"PASS","reference":"%s","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), entrance, token, clock.instant().minus(5, ChronoUnit.HOURS));
    }
}
