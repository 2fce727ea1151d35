package com.estateguard.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many tries at a credential one client address gets per minute (登录频率限制), shared by every
 * node: the tries are counted in the database ({@code iam_attempt_window}, one row per kind and
 * address), so a second node behind the load balancer does not give an address a second allowance.
 * A fixed window of {@code perWindow} tries that starts at the address's first try and comes back
 * whole a minute later, read on the application's clock so tests move time instead of waiting.
 * Rows of addresses quiet for a whole window are removed by {@link AttemptWindows}.
 *
 * <p>The API asks {@link #check} on every request that carries a key; an address found with tries
 * left is not asked about again on this node for {@code checkCache} (a second by default) unless
 * this node counts a wrong key for it, so another node's refusal reaches it within that time.
 */
final class AttemptLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    /** Whether a try may go ahead, and if not, how long until one may. */
    record Verdict(boolean allowed, Duration retryAfter) {

        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        static Verdict refused(Duration toWait) {
            return new Verdict(false, toWait);
        }

        /** For a Retry-After header: whole seconds, at least one. */
        long retryAfterSeconds() {
            return Math.max(1, retryAfter.plusNanos(999_999_999).toSeconds());
        }
    }

    private record Window(Instant start, int tries) {
    }

    private final JdbcClient jdbc;
    private final String kind;
    private final int perWindow;
    private final Clock clock;
    private final long checkCacheNanos;
    private final Map<String, Long> allowedUntil = new ConcurrentHashMap<>();

    AttemptLimit(JdbcClient jdbc, String kind, int perWindow, Clock clock, Duration checkCache) {
        if (perWindow < 1) {
            throw new IllegalArgumentException("an attempt limit needs at least one try");
        }
        this.jdbc = jdbc;
        this.kind = kind;
        this.perWindow = perWindow;
        this.clock = clock;
        this.checkCacheNanos = checkCache.toNanos();
    }

    /** Spends one try from the address's allowance, if it has one left. */
    Verdict tryAttempt(String address) {
        Instant now = clock.instant();
        Window window = count(address, now);
        return window.tries() <= perWindow ? Verdict.ALLOWED : refused(window, now);
    }

    /** Whether the address has a try left, spending nothing; an address never seen has. */
    Verdict check(String address) {
        Long until = allowedUntil.get(address);
        if (until != null && until - System.nanoTime() > 0) {
            return Verdict.ALLOWED;
        }
        Instant now = clock.instant();
        Window window = jdbc.sql("SELECT window_start, tries FROM iam_attempt_window WHERE kind = :kind AND address = :address")
                .param("kind", kind).param("address", address)
                .query((rs, i) -> new Window(rs.getTimestamp("window_start").toInstant(), rs.getInt("tries"))).optional()
                .orElse(null);
        if (window == null || expired(window, now) || window.tries() < perWindow) {
            remember(address);
            return Verdict.ALLOWED;
        }
        return refused(window, now);
    }

    /** Counts a failed try against the address. */
    void spend(String address) {
        allowedUntil.remove(address);
        count(address, clock.instant());
    }

    /** Addresses with tries counted in the current window. */
    int addressesTracked() {
        return jdbc.sql("SELECT count(*) FROM iam_attempt_window WHERE kind = :kind AND window_start > :since")
                .param("kind", kind).param("since", Timestamp.from(clock.instant().minus(WINDOW)))
                .query(Integer.class).single();
    }

    /**
     * One statement counts the try: a new window for an address never seen, or whose window is over
     * (or lies ahead of the clock, set back), else one more try in it (never more than one past the limit).
     */
    private Window count(String address, Instant now) {
        return jdbc.sql("""
                        INSERT INTO iam_attempt_window AS w (kind, address, window_start, tries) VALUES (:kind, :address, :now, 1)
                        ON CONFLICT (kind, address) DO UPDATE SET
                            window_start = CASE WHEN w.window_start <= :over OR w.window_start > :now THEN :now ELSE w.window_start END,
                            tries = CASE WHEN w.window_start <= :over OR w.window_start > :now THEN 1 ELSE least(w.tries + 1, :cap) END
                        RETURNING window_start, tries""")
                .param("kind", kind).param("address", address).param("now", Timestamp.from(now))
                .param("over", Timestamp.from(now.minus(WINDOW))).param("cap", perWindow + 1)
                .query((rs, i) -> new Window(rs.getTimestamp("window_start").toInstant(), rs.getInt("tries"))).single();
    }

    private static boolean expired(Window window, Instant now) {
        return !window.start().isAfter(now.minus(WINDOW)) || window.start().isAfter(now);
    }

    private static Verdict refused(Window window, Instant now) {
        return Verdict.refused(Duration.between(now, window.start().plus(WINDOW)));
    }

    private void remember(String address) {
        if (checkCacheNanos <= 0) {
            return;
        }
        if (allowedUntil.size() > 10_000) {
            allowedUntil.clear();
        }
        allowedUntil.put(address, System.nanoTime() + checkCacheNanos);
    }
}
