package com.estateguard.identity.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many tries at a credential one client address gets per minute (登录频率限制): a Bucket4j
 * bucket per address, read on the application's clock so tests move time instead of waiting.
 * The table stays bounded: an address quiet for a whole window has its allowance back in full and
 * is dropped, and beyond {@code maxAddresses} the address seen longest ago goes first.
 */
final class AttemptLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    /** Whether a try may go ahead, and if not, how long until one may. */
    record Verdict(boolean allowed, Duration retryAfter) {

        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        static Verdict refused(long nanosToWait) {
            return new Verdict(false, Duration.ofNanos(nanosToWait));
        }

        /** For a Retry-After header: whole seconds, at least one. */
        long retryAfterSeconds() {
            return Math.max(1, retryAfter.plusNanos(999_999_999).toSeconds());
        }
    }

    private static final class Tracked {
        final Bucket bucket;
        long lastSeen;

        Tracked(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    private final int perWindow;
    private final TimeMeter time;
    private final Map<String, Tracked> byAddress;

    AttemptLimit(int perWindow, int maxAddresses, Clock clock) {
        if (perWindow < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("an attempt limit needs at least one try and one address");
        }
        this.perWindow = perWindow;
        this.time = new ClockTime(clock);
        this.byAddress = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Spends one try from the address's allowance, if it has one left. */
    synchronized Verdict tryAttempt(String address) {
        var probe = tracked(address).bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refused(probe.getNanosToWaitForRefill());
    }

    /** Whether the address has a try left, spending nothing; an address never seen has. */
    synchronized Verdict check(String address) {
        long now = time.currentTimeNanos();
        dropIdle(now);
        Tracked known = byAddress.get(address);
        if (known == null) {
            return Verdict.ALLOWED;
        }
        known.lastSeen = now;
        var probe = known.bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Verdict.ALLOWED : Verdict.refused(probe.getNanosToWaitForRefill());
    }

    /** Counts a failed try against the address (nothing more is taken once the allowance is spent). */
    synchronized void spend(String address) {
        tracked(address).bucket.tryConsume(1);
    }

    synchronized int addressesTracked() {
        dropIdle(time.currentTimeNanos());
        return byAddress.size();
    }

    private Tracked tracked(String address) {
        long now = time.currentTimeNanos();
        dropIdle(now);
        Tracked tracked = byAddress.computeIfAbsent(address, a -> new Tracked(newBucket()));
        tracked.lastSeen = now;
        return tracked;
    }

    /** The map is in access order, so the idle addresses are at its head. */
    private void dropIdle(long now) {
        Iterator<Tracked> oldestFirst = byAddress.values().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().lastSeen >= WINDOW.toNanos()) {
            oldestFirst.remove();
        }
    }

    /** The whole allowance comes back at once each window: a fixed window of {@code perWindow} tries. */
    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perWindow).refillIntervally(perWindow, WINDOW))
                .withCustomTimePrecision(time)
                .build();
    }

    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
