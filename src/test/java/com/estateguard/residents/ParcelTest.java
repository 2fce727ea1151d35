package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Couriers (ACC-13): a parcel logged at the pickup point reaches the resident's page and is picked up once. */
@IntegrationTest
class ParcelTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theGuardLogsAParcelTheResidentIsNotifiedAndConfirmsThePickup() {
        var guard = TestClient.person(port, "guardf", "demo1234");
        guard.get("/parcels");
        var logged = guard.postForm("/parcels", Map.of("building", "5", "unit", "2", "room", "301", "recipient", "陶文静",
                "pickupPoint", "快递外卖暂存架（南门岗亭旁）", "carrier", "顺丰", "disinfected", "true"));
        assertThat(logged.status()).isEqualTo(302);
        var unknown = guard.postForm("/parcels", Map.of("building", "99", "room", "9999", "pickupPoint", "快递外卖暂存架（南门岗亭旁）"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("住户名册中没有这个房号");

        var resident = TestClient.person(port, "residentf", "demo1234");
        var mine = resident.get("/my/parcels");
        assertThat(mine.body()).contains("您有快递在快递外卖暂存架（南门岗亭旁）待取").contains("已消毒");
        long id = jdbc.sql("SELECT max(id) FROM res_parcel WHERE carrier = '顺丰'").query(Long.class).single();
        assertThat(resident.postForm("/parcels/" + id + "/picked-up", Map.of("back", "/my/parcels")).status()).isEqualTo(302);
        assertThat(resident.get("/my/parcels").body()).contains("已取件");
        assertThat(guard.get("/parcels").body()).doesNotContain("顺丰");
        assertThat(resident.postForm("/parcels/" + id + "/picked-up", Map.of("back", "/my/parcels")).status()).isEqualTo(409);
        var other = TestClient.person(port, "resident", "demo1234");
        other.get("/my/parcels");
        var foreign = other.postForm("/parcels/" + id + "/picked-up", Map.of());
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
    }
}
