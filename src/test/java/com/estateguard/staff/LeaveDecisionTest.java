package com.estateguard.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.Race;
import com.estateguard.TestClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A leave request (离城审批) decided by two managers at once: one decision stands, the other is told. */
@IntegrationTest
class LeaveDecisionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void twoDecisionsAtOnceEndWithOneWinnerAndOneConflict() throws Exception {
        long estate = Fixtures.estate(jdbc, "阳光花园");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String destination = "并发审批" + System.nanoTime() % 100000;
        var approver = TestClient.person(port, "admin", "demo1234");
        approver.get("/staff-health/estates/" + estate + "/registers");
        assertThat(approver.postForm("/staff-health/estates/" + estate + "/leaves", Map.of("userId", String.valueOf(guard2()),
                "destination", destination, "leaveOn", today.toString(), "backOn", today.plusDays(1).toString(), "reason", "探亲"))
                .status()).isEqualTo(302);
        long leave = jdbc.sql("SELECT id FROM stf_leave WHERE destination = :d").param("d", destination).query(Long.class).single();
        var rejecter = TestClient.person(port, "admin", "demo1234");
        rejecter.get("/staff-health/estates/" + estate + "/registers");
        String decision = "/staff-health/estates/" + estate + "/leaves/" + leave + "/decision";

        String[] bodies = new String[2];
        List<Integer> statuses = Race.onRow(dataSource, "stf_leave", leave,
                () -> decide(approver, decision, "true", bodies, 0), () -> decide(rejecter, decision, "false", bodies, 1));

        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        int loser = statuses.indexOf(409);
        assertThat(bodies[loser]).contains("该记录刚被他人修改");
        assertThat(jdbc.sql("SELECT status FROM stf_leave WHERE id = :id").param("id", leave).query(String.class).single())
                .isEqualTo(loser == 0 ? "REJECTED" : "APPROVED");
    }

    private static int decide(TestClient client, String path, String approve, String[] bodies, int slot) {
        var response = client.postForm(path, Map.of("approve", approve));
        bodies[slot] = response.body();
        return response.status();
    }

    private long guard2() {
        return jdbc.sql("SELECT id FROM iam_user WHERE username = 'guard2'").query(Long.class).single();
    }
}
