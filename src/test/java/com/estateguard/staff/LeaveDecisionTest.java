package com.estateguard.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.Race;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.policy.PolicyPreset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A leave request (离城审批) decided by two managers at once: one decision stands, the other is told.
 * The request is a guard's of an estate of the test's own.
 */
@IntegrationTest
class LeaveDecisionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;
    @Autowired
    LedgersTestData data;

    @Test
    void twoDecisionsAtOnceEndWithOneWinnerAndOneConflict() throws Exception {
        var site = data.site(PolicyPreset.BEIJING_2022);
        long estate = site.id();
        long guard = site.guard().id();
        LocalDate today = clock.today();
        var approver = site.admin().login(port);
        approver.get("/staff-health/estates/" + estate + "/registers");
        assertThat(approver.postForm("/staff-health/estates/" + estate + "/leaves", Map.of("userId", String.valueOf(guard),
                "destination", "苏州", "leaveOn", today.toString(), "backOn", today.plusDays(1).toString(), "reason", "探亲"))
                .status()).isEqualTo(302);
        long leave = jdbc.sql("SELECT id FROM stf_leave WHERE user_id = :u").param("u", guard).query(Long.class).single();
        var rejecter = site.admin().login(port);
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
}
