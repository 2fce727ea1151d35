package com.estateguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every sign-in at the login form is in the audit trail: success, failure and refused as locked, with name and address. */
@IntegrationTest
class SignInAuditTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Value("${estateguard.security.max-failed-logins}")
    int maxFailures;

    record Row(String action, Long actorId, Long estateId, String clientIp) {
    }

    @Test
    void aSuccessAndAFailureAreRecordedWithTheNameTheEstateAndTheClientAddress() {
        TestData.Person guard = data.estate(PolicyPreset.BEIJING_2022).guard();
        String address = TestClient.newAddress();

        SignIn.attempt(port, address, guard.username(), "not-the-password");
        SignIn.attempt(port, address, guard.username(), TestData.PASSWORD);

        Long estate = guard.user().estateId();
        assertThat(rowsOf(guard.username())).containsExactly(
                new Row("SIGN_IN_FAILED", guard.id(), estate, address),
                new Row("SIGN_IN", guard.id(), estate, address));
    }

    @Test
    void aLockedAccountsTryIsRecordedAsLockedAndAnUnknownNameAsAFailure() {
        TestData.Person admin = data.estate(PolicyPreset.BEIJING_2022).admin();
        String address = TestClient.newAddress();
        for (int i = 0; i < maxFailures; i++) {
            SignIn.attempt(port, address, admin.username(), "wrong-" + i);
        }
        SignIn.attempt(port, TestClient.newAddress(), admin.username(), TestData.PASSWORD);

        assertThat(rowsOf(admin.username())).extracting(Row::action).hasSize(maxFailures + 1)
                .startsWith("SIGN_IN_FAILED").endsWith("SIGN_IN_LOCKED").doesNotContain("SIGN_IN");

        String nobody = "nobody-" + TestClient.newAddress();
        SignIn.attempt(port, address, nobody, "guess");
        assertThat(rowsOf(nobody)).containsExactly(new Row("SIGN_IN_FAILED", null, null, address));
    }

    private List<Row> rowsOf(String username) {
        return jdbc.sql("SELECT action, actor_id, estate_id, client_ip FROM audit_log WHERE actor_name = :u ORDER BY id")
                .param("u", username).query(Row.class).list();
    }
}
