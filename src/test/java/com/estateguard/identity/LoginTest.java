package com.estateguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.identity.internal.UserRepository;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Form login with hashed passwords, lock-out after repeated failures, logout, scope of new users. */
@IntegrationTest
class LoginTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    UserRepository repository;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Value("${estateguard.security.max-failed-logins}")
    int maxFailures;
    @Value("${estateguard.security.lockout}")
    Duration lockout;

    @Test
    void passwordsAreStoredHashed() {
        String hash = jdbc.sql("SELECT password_hash FROM iam_user WHERE username = 'guard'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("demo1234");
    }

    @Test
    void anUnknownNameAWrongPasswordALockedAndADisabledAccountGetTheSameAnswer() {
        FailingAccounts accounts = failingAccounts();
        SignIn.Answer unknown = signIn("nobody-" + NAMES.incrementAndGet(), "whatever-1").answer();
        SignIn.Answer wrong = signIn(accounts.wrongPassword(), "not-the-password").answer();
        SignIn.Answer lockedWrong = signIn(accounts.locked(), "not-the-password").answer();
        SignIn.Answer lockedRight = signIn(accounts.locked(), TestData.PASSWORD).answer();
        SignIn.Answer disabledRight = signIn(accounts.disabled(), TestData.PASSWORD).answer();

        assertThat(unknown.status()).isEqualTo(302);
        assertThat(unknown.location()).endsWith("/login?error");
        assertThat(unknown.page()).contains("用户名或密码错误，或账户已被锁定，请稍后再试或联系管理员");
        assertThat(wrong).isEqualTo(unknown);
        assertThat(lockedWrong).isEqualTo(unknown);
        assertThat(lockedRight).isEqualTo(unknown);
        assertThat(disabledRight).isEqualTo(unknown);
    }

    /** A shortcut that skips the password hash for some failures would make them many times faster. */
    @Test
    void everyFailureCostsAPasswordHashSoTimeTellsNothing() {
        FailingAccounts accounts = failingAccounts();
        String unknownName = "nobody-" + NAMES.incrementAndGet();
        long[] unknown = new long[3];
        long[] wrong = new long[3];
        long[] locked = new long[3];
        long[] disabled = new long[3];
        signIn(unknownName, "warm-up");
        for (int i = 0; i < 3; i++) {
            unknown[i] = signIn(unknownName, "guess-" + i).nanos();
            wrong[i] = signIn(accounts.wrongPassword(), "guess-" + i).nanos();
            locked[i] = signIn(accounts.locked(), "guess-" + i).nanos();
            disabled[i] = signIn(accounts.disabled(), "guess-" + i).nanos();
        }
        long floor = median(wrong) / 4;
        assertThat(median(unknown)).isGreaterThan(floor);
        assertThat(median(locked)).isGreaterThan(floor);
        assertThat(median(disabled)).isGreaterThan(floor);
    }

    @Test
    void anAccountIsLockedAfterRepeatedWrongPasswordsEvenForTheRightOneThenAnAdminUnlocksIt() {
        CurrentUser manager = managerOfSunshine();
        String name = "lockme" + NAMES.incrementAndGet();
        long id = users.create(new Users.NewUser(name, "correct-horse", "锁定测试", Role.GUARD, null, null,
                manager.estateId(), null), manager);
        lockOut(name);
        assertThat(signIn(name, "correct-horse").answer().location()).endsWith("/login?error");

        var admin = TestClient.person(port, "manager", "demo1234");
        String unlock = "/users/" + id + "/unlock";
        assertThat(admin.get("/users?q=" + name).body()).contains("锁定").contains(unlock);
        assertThat(admin.postForm(unlock, Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/users?q=" + name).body()).doesNotContain(unlock);

        assertThat(signIn(name, "correct-horse").answer().location()).endsWith(":" + port + "/");
    }

    @Test
    void aLockLiftsByItselfOnceTheLockOutHasRunItsCourse() {
        TestData.Person guard = data.estate(PolicyPreset.BEIJING_2022).guard();
        lockOut(guard.username());
        clock.advance(lockout.minusMinutes(1));
        assertThat(signIn(guard.username(), TestData.PASSWORD).answer().location()).endsWith("/login?error");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(signIn(guard.username(), TestData.PASSWORD).answer().location()).endsWith(":" + port + "/");
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

    /** Accounts of the test's own: one to get the password wrong, one locked out, one disabled. */
    private record FailingAccounts(String wrongPassword, String locked, String disabled) {
    }

    private FailingAccounts failingAccounts() {
        TestData.Estate first = data.estate(PolicyPreset.BEIJING_2022);
        TestData.Estate second = data.estate(PolicyPreset.BEIJING_2022);
        lockOut(first.admin().username());
        repository.setEnabled(second.guard().id(), false, "login-test");
        return new FailingAccounts(first.guard().username(), first.admin().username(), second.guard().username());
    }

    private void lockOut(String username) {
        for (int i = 0; i < maxFailures; i++) {
            assertThat(signIn(username, "wrong-" + i).answer().location()).endsWith("/login?error");
        }
    }

    private SignIn signIn(String username, String password) {
        return SignIn.attempt(port, TestClient.newAddress(), username, password);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private CurrentUser managerOfSunshine() {
        return jdbc.sql("SELECT id, username, display_name, role, scope_path, estate_id FROM iam_user WHERE username = 'manager'")
                .query((rs, i) -> new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("scope_path"), rs.getLong("estate_id"), null))
                .single();
    }
}
