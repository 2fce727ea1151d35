package com.estateguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.Race;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Closing a follow-up (处置事项): once, by whoever gets there first; the second is told so, not "not found". */
@IntegrationTest
class FollowUpClosingTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;

    TestData.Estate estate;
    long followUp;

    @BeforeEach
    void aFeverAtTheSouthGateOpensAFollowUp() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
        var response = estate.terminal(port).postJson("/api/v1/checks", CheckpointApiTest.check(
                UUID.randomUUID(), estate.southGate(), "RESIDENT", "38.6", "GREEN", "SCANNED",
                clock.instant().minus(2, ChronoUnit.HOURS)));
        assertThat(response.status()).isEqualTo(201);
        long check = Long.parseLong(response.body().replaceAll(".*\"checkId\":(\\d+).*", "$1"));
        followUp = jdbc.sql("SELECT min(id) FROM access_follow_up WHERE check_id = :c").param("c", check).query(Long.class).single();
    }

    @Test
    void closingAClosedFollowUpAnswers409WithTheReasonInChineseAndKeepsTheFirstNote() {
        var admin = estate.admin().login(port);
        admin.get("/follow-ups");
        assertThat(admin.postForm("/follow-ups/" + followUp + "/close", Map.of("note", "已报告社区")).status()).isEqualTo(302);

        var again = admin.postForm("/follow-ups/" + followUp + "/close", Map.of("note", "再次关闭"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("text/html");
        assertThat(again.body()).contains("该事项已关闭");
        assertThat(closingNote()).isEqualTo("已报告社区");
    }

    @Test
    void twoStaffClosingAtOnceEndWithOneClosingAndOneConflict() throws Exception {
        var first = estate.admin().login(port);
        var second = estate.admin().login(port);
        first.get("/follow-ups");
        second.get("/follow-ups");
        String[] bodies = new String[2];
        List<Integer> statuses = Race.onRow(dataSource, "access_follow_up", followUp,
                () -> close(first, "甲：已报告社区", bodies, 0), () -> close(second, "乙：已转运观察点", bodies, 1));

        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        int loser = statuses.indexOf(409);
        assertThat(bodies[loser]).contains("该记录刚被他人修改");
        assertThat(closingNote()).isEqualTo(loser == 0 ? "乙：已转运观察点" : "甲：已报告社区");
    }

    private int close(TestClient client, String note, String[] bodies, int slot) {
        var response = client.postForm("/follow-ups/" + followUp + "/close", Map.of("note", note));
        bodies[slot] = response.body();
        return response.status();
    }

    private String closingNote() {
        return jdbc.sql("SELECT closing_note FROM access_follow_up WHERE id = :id").param("id", followUp).query(String.class).single();
    }
}
