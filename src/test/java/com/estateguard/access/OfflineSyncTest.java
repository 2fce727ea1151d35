package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11: the offline gate's queue on the server (/gate/sync). A check sent twice is stored once;
 * a check from a shift that has ended since is accepted (it carries its time and its guard); the
 * server decides again and, when it disagrees with the device, keeps both and opens a follow-up for
 * the shift leader; a check the server will not store is refused with a reason the page can show.
 */
@IntegrationTest
class OfflineSyncTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    com.estateguard.policy.Policies policies;
    @Autowired
    com.estateguard.residents.ResidentsTestData residents;
    @Autowired
    com.estateguard.residents.internal.Passes passes;

    TestData.Estate estate;
    TestClient guard;
    long shift;

    @BeforeEach
    void aGuardOnShift() {
        estate = data.estate(PolicyPreset.QUANZHOU_2021);
        guard = estate.guard().login(port);
        shift = jdbc.sql("SELECT id FROM access_shift WHERE estate_id = :e").param("e", estate.id()).query(Long.class).single();
        // The queue posts from the gate page, with its CSRF token.
        guard.get("/gate?shift=" + shift);
    }

    @Test
    void aCheckSentTwiceIsStoredOnce() {
        UUID clientId = UUID.randomUUID();
        Map<String, String> check = staffCheck(clientId, "36.5", clock.instant().minus(Duration.ofMinutes(20)), "ALLOW", "");

        var first = guard.postForm("/gate/sync", check);
        var again = guard.postForm("/gate/sync", check);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"verdict\":\"ALLOW\"").contains("\"disagrees\":false").contains("\"replayed\":false");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"replayed\":true");
        assertThat(count("SELECT count(*) FROM access_check WHERE client_id = :c", clientId)).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM access_device_decision d JOIN access_check c ON c.id = d.check_id WHERE c.client_id = :c""",
                clientId)).isEqualTo(1);
    }

    @Test
    void aCheckFromAShiftThatHasEndedIsAcceptedWithItsTimeAndGuard() {
        Instant shiftEnds = jdbc.sql("SELECT ends_at FROM access_shift WHERE id = :s").param("s", shift).query(Instant.class).single();
        Instant happened = shiftEnds.minus(Duration.ofMinutes(10));
        clock.set(shiftEnds.plus(Duration.ofMinutes(30)));
        UUID clientId = UUID.randomUUID();

        var synced = guard.postForm("/gate/sync", staffCheck(clientId, "36.6", happened, "ALLOW", ""));

        assertThat(synced.status()).as(synced.body()).isEqualTo(201);
        var row = jdbc.sql("SELECT shift_id, occurred_at, created_by FROM access_check WHERE client_id = :c").param("c", clientId)
                .query((rs, n) -> Map.of("shift", rs.getLong(1), "at", rs.getTimestamp(2).toInstant(), "by", rs.getString(3)))
                .single();
        assertThat(row.get("shift")).isEqualTo(shift);
        assertThat(row.get("at")).isEqualTo(happened.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat((String) row.get("by")).contains(estate.guard().username());
    }

    @Test
    void whenTheServerDisagreesBothDecisionsAreKeptAndTheShiftLeaderGetsAFollowUp() {
        UUID clientId = UUID.randomUUID();
        // The device let in someone at 38.5 °C (say an older page's rules): the server refuses.
        var synced = guard.postForm("/gate/sync", staffCheck(clientId, "38.5", clock.instant().minus(Duration.ofMinutes(5)), "ALLOW", ""));

        assertThat(synced.status()).as(synced.body()).isEqualTo(201);
        assertThat(synced.body()).contains("\"verdict\":\"REFUSE\"").contains("\"deviceVerdict\":\"ALLOW\"").contains("\"disagrees\":true");
        long check = jdbc.sql("SELECT id FROM access_check WHERE client_id = :c").param("c", clientId).query(Long.class).single();
        assertThat(jdbc.sql("SELECT decision FROM access_check WHERE id = :id").param("id", check).query(String.class).single())
                .isEqualTo("REFUSE");
        assertThat(jdbc.sql("SELECT device_verdict || ' ' || disagrees FROM access_device_decision WHERE check_id = :id")
                .param("id", check).query(String.class).single()).isEqualTo("ALLOW true");
        assertThat(jdbc.sql("SELECT array_to_string(reason_codes, ',') FROM access_follow_up WHERE check_id = :id AND kind = 'DEVICE_DISAGREEMENT'")
                .param("id", check).query(String.class).list()).containsExactly("FEVER");

        // The record shows both to whoever reads it; the follow-up is on the leader's list.
        var admin = estate.admin().login(port);
        assertThat(admin.get("/checks/" + check).body()).contains("id=\"device-decision\"").contains("服务器复核结果不同");
        assertThat(admin.get("/follow-ups").body()).contains("离线判定与服务器判定不一致");
    }

    @Test
    void aCheckTheServerWillNotStoreIsRefusedWithItsReason() {
        UUID clientId = UUID.randomUUID();
        var refused = guard.postForm("/gate/sync", staffCheck(clientId, "36.5", clock.instant().minus(Duration.ofHours(30)), "ALLOW", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"refused\":");
        assertThat(count("SELECT count(*) FROM access_check WHERE client_id = :c", clientId)).isZero();
    }

    @Test
    void theOfflineBundleCarriesThePolicyAndTheNextOneThePassKeysAndTheRevocations() {
        Instant now = clock.instant();
        Instant from = now.plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long next = policies.install(new com.estateguard.policy.Policies.NewVersion("封闭管理（测试）", estate.regionPath(), estate.name(),
                from, PolicyPreset.QUANZHOU_2021_EMERGENCY.parameters(), null, PolicyPreset.QUANZHOU_2021_EMERGENCY.name()), "test");
        long inForce = policies.inForce(estate.regionPath(), now).id();
        var resident = residents.resident(estate, "2", "1", "201", "撤证人");
        var pass = passes.issue(resident.id(), estate.admin().user());
        passes.revoke(new com.estateguard.residents.PassId(pass.id()), "搬离", estate.admin().user());

        var bundle = guard.get("/gate/offline-bundle.json?shift=" + shift);

        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).startsWith("application/json");
        String body = bundle.body();
        assertThat(body).contains("\"policy\":{\"id\":" + inForce).contains("\"effectiveTo\":\"" + from + "\"")
                .contains("\"next\":{\"id\":" + next).contains("\"effectiveFrom\":\"" + from + "\"")
                .contains("\"lockdown\":true").contains("\"checkLeaving\":true");
        assertThat(body).containsPattern("\"passKeys\":\\{\"\\d+\":\"MCowBQYDK2Vw");
        assertThat(body).contains("\"revokedPasses\":[" + pass.id() + "]");
        assertThat(body).contains("\"expectedVisitors\":[]").contains("\"csrfToken\":");
        assertThat(body).contains("\"CODE_NOT_VERIFIED\":\"健康码未核验");
    }

    private long count(String sql, UUID clientId) {
        return jdbc.sql(sql).param("c", clientId).query(Long.class).single();
    }

    /** Estate staff coming in, as the gate form posts it, with the device's time and decision. */
    private Map<String, String> staffCheck(UUID clientId, String temperature, Instant at, String deviceVerdict, String deviceReasons) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("clientId", clientId.toString());
        form.put("shiftId", String.valueOf(shift));
        form.put("mode", "SINGLE");
        form.put("direction", "IN");
        form.put("category", "ESTATE_STAFF");
        form.put("personName", "物业员工");
        form.put("temperature", temperature);
        form.put("temperatureMethod", "HANDHELD_GUN");
        form.put("mask", "true");
        form.put("occurredAt", at.toString());
        form.put("deviceVerdict", deviceVerdict);
        form.put("deviceReasons", deviceReasons);
        return form;
    }
}
