package com.estateguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The per-address allowance of tries at a credential, on a clock the test moves. */
class AttemptLimitTest {

    private static final String HOME = "198.18.0.1";
    private static final String AWAY = "198.18.0.2";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T02:30:00Z"));
    private final AttemptLimit limit = new AttemptLimit(3, 100, clock);

    @Test
    void anAddressGetsItsTriesThenIsToldHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAttempt(HOME).allowed()).isTrue();
        }
        clock.advance(Duration.ofSeconds(20));
        AttemptLimit.Verdict refused = limit.tryAttempt(HOME);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(40);
        assertThat(limit.tryAttempt(AWAY).allowed()).isTrue();
    }

    @Test
    void theWholeAllowanceComesBackAfterTheWindow() {
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

    @Test
    void anAddressQuietForAWindowIsForgotten() {
        limit.tryAttempt(HOME);
        clock.advance(Duration.ofSeconds(30));
        limit.tryAttempt(AWAY);
        assertThat(limit.addressesTracked()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        assertThat(limit.addressesTracked()).as("HOME quiet a whole window").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(limit.addressesTracked()).isZero();
    }

    @Test
    void theTableNeverHoldsMoreThanItsBoundTheLongestUnseenGoingFirst() {
        AttemptLimit small = new AttemptLimit(1, 2, clock);
        small.tryAttempt(HOME);
        small.tryAttempt(AWAY);
        small.tryAttempt("198.18.0.3");
        assertThat(small.addressesTracked()).isEqualTo(2);
        assertThat(small.tryAttempt(AWAY).allowed()).as("still remembered").isFalse();
        assertThat(small.tryAttempt(HOME).allowed()).as("forgotten first").isTrue();
    }

    /** Behind a proxy every client would share its address, but X-Forwarded-For is believed only when a deployment says so. */
    @Test
    void theApplicationDoesNotBelieveForwardedHeadersUnlessConfiguredTo() throws IOException {
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        assertThat(defaults.getProperty("server.forward-headers-strategy")).isEqualTo("none");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
