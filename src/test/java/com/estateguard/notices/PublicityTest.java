package com.estateguard.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClock;
import com.estateguard.policy.PolicyPreset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The publicity checklist shows what is not done; rooms and screening findings are recorded per estate.
 * At an estate of the test's own with five buildings.
 */
@IntegrationTest
class PublicityTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;

    @Test
    void checklistRoomsAndScreening() {
        var site = data.site(PolicyPreset.BEIJING_2022);
        data.buildings(site, 5);
        long estate = site.id();
        String today = clock.today().toString();
        var admin = site.admin().login(port);
        admin.get("/publicity/estates/" + estate);
        assertThat(admin.postForm("/publicity/estates/" + estate + "/checklist", Map.of("channel", "GATE_GUIDANCE", "doneOn", today))
                .status()).isEqualTo(302);
        assertThat(admin.postForm("/publicity/estates/" + estate + "/rooms", Map.of("room", "棋牌室", "open", "true")).status())
                .isEqualTo(302);
        var refused = admin.postForm("/publicity/estates/" + estate + "/screenings", Map.of("kind", "RISK_AREA_ARRIVAL",
                "building", "3号楼502室", "description", "外地返回", "foundOn", today));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("请选择本小区的楼栋");
        assertThat(admin.postForm("/publicity/estates/" + estate + "/screenings", Map.of("kind", "GATHERING",
                "building", "", "description", "广场舞聚集已劝散", "foundOn", today, "reported", "true")).status()).isEqualTo(302);

        String page = admin.get("/publicity/estates/" + estate).body();
        String gate = page.substring(page.indexOf("data-channel=\"GATE_GUIDANCE\""));
        assertThat(gate.substring(0, gate.indexOf("</tr>"))).contains(today);
        String broadcast = page.substring(page.indexOf("data-channel=\"BROADCAST\""));
        assertThat(broadcast.substring(0, broadcast.indexOf("</tr>"))).contains("未落实");
        assertThat(page).contains("棋牌室").contains("开放中").contains("广场舞聚集已劝散");
        var otherAdmin = data.site(PolicyPreset.BEIJING_2022).admin();
        assertThat(otherAdmin.login(port).get("/publicity/estates/" + estate).status()).isEqualTo(404);
    }
}
