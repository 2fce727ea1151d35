package com.estateguard.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.cockpit.internal.CheckRollupJob;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPreset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page of a street (and any region) shows today's entries from the cockpit's roll-ups, not a count of the
 * day's records (issue 12 §3: that count took seconds for a city). An estate's own staff still count their records.
 */
@IntegrationTest
class HomeFiguresTest {

    private static final Pattern REFUSED = Pattern.compile("今日劝返</div><div class=\"n v-REFUSE\">(\\d+)</div>");

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    CheckRollupJob rollups;

    private String check(TestData.Estate estate, String celsius) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"测试访客",
                 "evidence":{"temperature":{"celsius":%s,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"5号楼探亲","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), celsius, clock.instant().minus(10, ChronoUnit.HOURS));
    }

    private static long refused(String page) {
        Matcher m = REFUSED.matcher(page);
        assertThat(m.find()).as("the refusals card").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aStreetSeesTodaysEntriesAsTheCockpitKeepsThem() {
        clock.setLocal(clock.unusedDay().atTime(10, 0));
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        TestClient terminal = estate.terminal(port);
        for (int i = 0; i < 3; i++) {
            assertThat(terminal.postJson("/api/v1/checks", check(estate, "38.2")).status()).isEqualTo(201);
        }
        assertThat(terminal.postJson("/api/v1/checks", check(estate, "36.4")).status()).isEqualTo(201);
        TestClient street = data.authority(estate, Role.STREET_AUTHORITY).login(port);

        // Folded in now rather than by the job's next round (every 5 s, for records 2 s old).
        rollups.catchUp();
        String after = street.get("/").body();
        assertThat(after).contains("辖区今日进入人次");
        assertThat(refused(after)).isEqualTo(3);
        assertThat(after).contains("/checks?decision=REFUSE&amp;direction=IN");

        // The estate's administrator counts the estate's own records at once, without the roll-up.
        assertThat(terminal.postJson("/api/v1/checks", check(estate, "38.4")).status()).isEqualTo(201);
        String own = estate.admin().login(port).get("/").body();
        assertThat(own).doesNotContain("辖区今日进入人次");
        assertThat(refused(own)).isEqualTo(4);
    }
}
