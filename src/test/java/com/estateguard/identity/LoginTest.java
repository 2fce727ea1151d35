package com.estateguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Form login with hashed passwords, lock-out after repeated failures, logout, scope of new users. */
@IntegrationTest
class LoginTest {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredHashed() {
        String hash = jdbc.sql("SELECT password_hash FROM iam_user WHERE username = 'guard'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("demo1234");
    }

    @Test
    void anAccountIsLockedAfterFiveWrongPasswordsEvenForTheRightOneThenAnAdminUnlocksIt() {
        CurrentUser manager = managerOfSunshine();
        long id = users.create(new Users.NewUser("lockme", "correct-horse", "锁定测试", Role.GUARD, null, null,
                manager.estateId(), null), manager);
        for (int i = 0; i < 5; i++) {
            assertThat(TestClient.person(port, "lockme", "wrong-" + i).loginRedirect()).endsWith("/login?error=bad");
        }
        assertThat(TestClient.person(port, "lockme", "correct-horse").loginRedirect()).endsWith("/login?error=locked");

        users.unlock(id, manager);
        assertThat(TestClient.person(port, "lockme", "correct-horse").loginRedirect()).endsWith("/");
    }

    @Test
    void pagesNeedALoginAndLogoutEndsTheSession() {
        var anonymous = TestClient.person(port, "nobody", "x");
        assertThat(anonymous.get("/checks").status()).isEqualTo(302);

        var guard = TestClient.person(port, "guard", "demo1234");
        assertThat(guard.get("/checks").status()).isEqualTo(200);
        guard.postForm("/logout", java.util.Map.of());
        assertThat(guard.get("/checks").status()).isEqualTo(302);
    }

    @Test
    void aGuardCannotReachAdministrationPages() {
        var guard = TestClient.person(port, "guard", "demo1234");
        assertThat(guard.get("/users").status()).isEqualTo(403);
        assertThat(guard.get("/devices").status()).isEqualTo(403);
        assertThat(guard.get("/policies/new").status()).isEqualTo(403);
    }

    @Test
    void pagesAreChineseFirstWithEnglishAvailable() {
        var guard = TestClient.person(port, "guard", "demo1234");
        assertThat(guard.get("/checks").body()).contains("查验记录");
        assertThat(guard.get("/checks?lang=en").body()).contains("Check records");
    }

    private CurrentUser managerOfSunshine() {
        return jdbc.sql("SELECT id, username, display_name, role, scope_path, estate_id FROM iam_user WHERE username = 'manager'")
                .query((rs, i) -> new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("scope_path"), rs.getLong("estate_id"), null))
                .single();
    }
}
