package com.estateguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-address allowance of tries at a credential, counted in the database so that every node
 * shares it, on a clock the test moves. Each test counts under a kind of its own.
 */
@IntegrationTest
class AttemptLimitTest {

    private static final String HOME = "198.18.0.1";
    private static final String AWAY = "198.18.0.2";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private AttemptLimit limit(int perWindow) {
        return new AttemptLimit(jdbc, "test-" + UUID.randomUUID(), perWindow, clock, Duration.ofSeconds(1));
    }

    @Test
    void anAddressGetsItsTriesThenIsToldHowLongToWait() {
        AttemptLimit limit = limit(3);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAttempt(HOME).allowed()).isTrue();
        }
        clock.advance(Duration.ofSeconds(20));
        AttemptLimit.Verdict refused = limit.tryAttempt(HOME);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(39L, 40L);
        assertThat(limit.tryAttempt(AWAY).allowed()).isTrue();
    }

    @Test
    void theWholeAllowanceComesBackAfterTheWindow() {
        AttemptLimit limit = limit(3);
        for (int i = 0; i < 3; i++) {
            limit.tryAttempt(HOME);
        }
        clock.advance(AttemptLimit.WINDOW.minusSeconds(1));
        assertThat(limit.tryAttempt(HOME).allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAttempt(HOME).allowed()).isTrue();
        }
    }

    @Test
    void lookingSpendsNothingAndOnlyFailuresCount() {
        AttemptLimit limit = limit(3);
        for (int i = 0; i < 10; i++) {
            assertThat(limit.check(HOME).allowed()).isTrue();
        }
        assertThat(limit.addressesTracked()).isZero();
        for (int i = 0; i < 3; i++) {
            limit.spend(HOME);
        }
        assertThat(limit.check(HOME).allowed()).isFalse();
        assertThat(limit.check(AWAY).allowed()).isTrue();
    }

    /** Two nodes are two limits on one table: tries spent through one count on the other. */
    @Test
    void triesSpentOnOneNodeCountOnTheOther() {
        String kind = "test-" + UUID.randomUUID();
        AttemptLimit nodeA = new AttemptLimit(jdbc, kind, 3, clock, Duration.ofSeconds(1));
        AttemptLimit nodeB = new AttemptLimit(jdbc, kind, 3, clock, Duration.ZERO);
        assertThat(nodeB.check(HOME).allowed()).isTrue();
        nodeA.tryAttempt(HOME);
        nodeA.spend(HOME);
        nodeA.tryAttempt(HOME);
        assertThat(nodeB.check(HOME).allowed()).as("three tries spent on A").isFalse();
        assertThat(nodeB.tryAttempt(HOME).allowed()).isFalse();
    }

    @Test
    void anAddressQuietForAWindowIsForgotten() {
        AttemptLimit limit = limit(3);
        limit.tryAttempt(HOME);
        clock.advance(Duration.ofSeconds(30));
        limit.tryAttempt(AWAY);
        assertThat(limit.addressesTracked()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        assertThat(limit.addressesTracked()).as("HOME quiet a whole window").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(limit.addressesTracked()).isZero();
    }

    /** Behind a proxy every client would share its address, but X-Forwarded-For is believed only when a deployment says so. */
    @Test
    void theApplicationDoesNotBelieveForwardedHeadersUnlessConfiguredTo() throws IOException {
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        assertThat(defaults.getProperty("server.forward-headers-strategy")).isEqualTo("none");
    }
}
