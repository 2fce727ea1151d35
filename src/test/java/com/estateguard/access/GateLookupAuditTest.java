package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.common.IdNumber;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every look-up of a person at the gate page is in the audit trail: who, where, which code (masked), whom it found. */
@IntegrationTest
class GateLookupAuditTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    record Audited(String action, Long actorId, Long estateId, String subject, String clientIp) {
    }

    @Test
    void aLookUpByIdNumberAndOneThatFindsNobodyAreBothRecordedWithoutTheFullNumber() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        String id = data.registeredPerson("查一查", Duration.ofHours(10), "NEGATIVE", "GREEN");
        var guard = estate.guard().login(port);

        assertThat(guard.get("/gate/lookup?scannedCode=" + id).body()).contains("查一查");
        assertThat(guard.get("/gate/lookup?scannedCode=HC-0123456789abcdef").status()).isEqualTo(200);

        List<Audited> rows = jdbc.sql("""
                        SELECT action, actor_id, estate_id, subject, client_ip FROM audit_log
                         WHERE actor_id = :guard AND action = 'GATE_LOOKUP' ORDER BY id""")
                .param("guard", estate.guard().id()).query(Audited.class).list();
        assertThat(rows).extracting(Audited::estateId).containsExactly(estate.id(), estate.id());
        assertThat(rows.get(0).subject()).isEqualTo(IdNumber.mask(id) + " → 查一查 " + IdNumber.mask(id)).doesNotContain(id);
        assertThat(rows.get(1).subject()).isEqualTo("HC-0…cdef → 未找到");
        assertThat(rows).allSatisfy(r -> assertThat(r.clientIp()).startsWith("198.1"));
    }
}
