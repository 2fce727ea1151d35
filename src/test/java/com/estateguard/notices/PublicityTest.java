package com.estateguard.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The publicity checklist shows what is not done; rooms and screening findings are recorded per estate. */
@IntegrationTest
class PublicityTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void checklistRoomsAndScreening() {
        long estate = Fixtures.estate(jdbc, "锦绣苑");
        String today = clock.today().toString();
        var admin = TestClient.person(port, "adminb", "demo1234");
        admin.get("/publicity/estates/" + estate);
        assertThat(admin.postForm("/publicity/estates/" + estate + "/checklist", Map.of("channel", "GATE_GUIDANCE", "doneOn", today))
                .status()).isEqualTo(302);
        assertThat(admin.postForm("/publicity/estates/" + estate + "/rooms", Map.of("room", "棋牌室", "open", "true")).status())
                .isEqualTo(302);
        var refused = admin.postForm("/publicity/estates/" + estate + "/screenings", Map.of("kind", "RISK_AREA_ARRIVAL",
                "building", "3号楼502室", "description", "外地返回", "foundOn", today));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(admin.postForm("/publicity/estates/" + estate + "/screenings", Map.of("kind", "GATHERING",
                "building", "", "description", "广场舞聚集已劝散", "foundOn", today, "reported", "true")).status()).isEqualTo(302);

        String page = admin.get("/publicity/estates/" + estate).body();
        String gate = page.substring(page.indexOf("data-channel=\"GATE_GUIDANCE\""));
        assertThat(gate.substring(0, gate.indexOf("</tr>"))).contains(today);
        String broadcast = page.substring(page.indexOf("data-channel=\"BROADCAST\""));
        assertThat(broadcast.substring(0, broadcast.indexOf("</tr>"))).contains("未落实");
        assertThat(page).contains("棋牌室").contains("开放中").contains("广场舞聚集已劝散");
        assertThat(TestClient.person(port, "admin", "demo1234").get("/publicity/estates/" + estate).status()).isEqualTo(404);
    }
}
