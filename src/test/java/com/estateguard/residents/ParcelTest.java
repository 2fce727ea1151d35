package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.internal.Parcels;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Couriers (ACC-13): a parcel logged at the pickup point reaches the resident's page and is picked up once. */
@IntegrationTest
class ParcelTest {

    @LocalServerPort
    int port;
    @Autowired
    Parcels parcels;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;

    @Test
    void theGuardLogsAParcelTheResidentIsNotifiedAndConfirmsThePickup() {
        // Kunshan 2020 keeps couriers out: parcels wait at the pickup point.
        var estate = data.estate(PolicyPreset.KUNSHAN_2020);
        String shelf = residents.pickupPoint(estate);
        var recipient = residents.resident(estate, "5", "2", "301", "陶文静");
        var neighbour = residents.resident(estate, "5", "2", "302", "邻居");
        var guard = estate.guard().login(port);
        guard.get("/parcels");
        var logged = guard.postForm("/parcels", Map.of("building", "5", "unit", "2", "room", "301", "recipient", "陶文静",
                "pickupPoint", shelf, "carrier", "顺丰", "disinfected", "true"));
        assertThat(logged.status()).isEqualTo(302);
        var unknown = guard.postForm("/parcels", Map.of("building", "99", "room", "9999", "pickupPoint", shelf));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("住户名册中没有这个房号");

        var resident = recipient.login().login(port);
        var mine = resident.get("/my/parcels");
        assertThat(mine.body()).contains("您有快递在" + shelf + "待取").contains("已消毒");
        long id = parcels.mine(recipient.login().user()).get(0).id();
        assertThat(resident.postForm("/parcels/" + id + "/picked-up", Map.of("back", "/my/parcels")).status()).isEqualTo(302);
        assertThat(resident.get("/my/parcels").body()).contains("已取件");
        assertThat(guard.get("/parcels").body()).doesNotContain("顺丰");
        assertThat(resident.postForm("/parcels/" + id + "/picked-up", Map.of("back", "/my/parcels")).status()).isEqualTo(409);
        var other = neighbour.login().login(port);
        other.get("/my/parcels");
        var foreign = other.postForm("/parcels/" + id + "/picked-up", Map.of());
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
    }
}
