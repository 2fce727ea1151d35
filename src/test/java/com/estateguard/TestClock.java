package com.estateguard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The application's clock in integration tests: it ticks like a real clock, but from an instant the
 * test chooses, so curfews, deadlines and shifts are tested by moving it, never by the hour the
 * suite happens to run. The suite starts at {@link #DEFAULT_START}, a weekday morning in the middle of
 * a month (far from a day's or a month's end in UTC and in Shanghai), or at
 * {@code -Destateguard.test.now=2026-11-28T02:30:00+08:00} (an offset or local date-time, local meaning
 * the application's zone); the demo data is loaded at that time too. After every test it goes back to
 * that timeline.
 *
 * <p>The database's own {@code now()} (column defaults such as {@code created_at}) still reads the real
 * time: whatever decides by time takes the application clock's instant instead.
 */
public final class TestClock extends Clock {

    public static final String START = "estateguard.test.now";

    /** Wednesday 18 November 2026, 10:00 in Shanghai (02:00 UTC): where the suite starts unless told otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-18T02:00:00Z");

    private final ZoneId local;
    private final Instant start;
    private final long startNanos;
    private final AtomicInteger daysHandedOut = new AtomicInteger();
    private volatile Anchor anchor;

    /** The clock read {@code at} when {@link System#nanoTime()} read {@code nanos}; one field, so reads are consistent. */
    private record Anchor(Instant at, long nanos) {
    }

    TestClock(Instant start, ZoneId local) {
        this.local = local;
        this.start = start;
        this.startNanos = System.nanoTime();
        set(start);
    }

    /** The configured start: an ISO instant, offset date-time or local date-time; blank means {@link #DEFAULT_START}. */
    static Instant parse(String value, ZoneId local) {
        if (value == null || value.isBlank()) {
            return DEFAULT_START;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException notOffset) {
            return LocalDateTime.parse(value.trim()).atZone(local).toInstant();
        }
    }

    /** From now on the clock reads {@code instant}, and ticks on from there. */
    public void set(Instant instant) {
        anchor = new Anchor(instant, System.nanoTime());
    }

    /** Sets the clock to a wall-clock time in the application's zone (Asia/Shanghai). */
    public void setLocal(LocalDateTime time) {
        set(time.atZone(local).toInstant());
    }

    /** Today at the given local time, e.g. {@code setToday(10, 0)} for a morning at the gate. */
    public void setToday(int hour, int minute) {
        setLocal(today().atTime(hour, minute));
    }

    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    /** Back to the suite's timeline: the start plus the real time elapsed since the context started. */
    public void reset() {
        set(start.plusNanos(System.nanoTime() - startNanos));
    }

    /**
     * A day no other test has been given: from a week after the start, inside the demo's 60 days of
     * shifts. A test that lists "today's" rows moves the clock there, so the list holds its rows only.
     */
    public LocalDate unusedDay() {
        return LocalDate.ofInstant(start, local).plusDays(7 + daysHandedOut.getAndIncrement());
    }

    public LocalDate today() {
        return LocalDate.now(withZone(local));
    }

    public LocalDateTime localNow() {
        return LocalDateTime.now(withZone(local));
    }

    public ZoneId localZone() {
        return local;
    }

    @Override
    public Instant instant() {
        Anchor a = anchor;
        return a.at().plusNanos(System.nanoTime() - a.nanos());
    }

    /** Like {@link Clock#systemUTC()}, the application's bean reads UTC; zoned views share this clock's time. */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new Zoned(this, zone);
    }

    private static final class Zoned extends Clock {
        private final TestClock source;
        private final ZoneId zone;

        Zoned(TestClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return source.withZone(other);
        }
    }

    /**
     * Replaces the application's clock in the one shared integration-test context. Imported by
     * {@link IntegrationTest} and deliberately not a {@code @Configuration}: the benchmarks start the
     * application from the test classpath, and component scanning must not find it there.
     */
    public static class Setup {
        @Bean
        @Primary
        TestClock testClock(@Value("${" + START + ":}") String start, ZoneId localZone) {
            return new TestClock(parse(start, localZone), localZone);
        }
    }

    /** A test that moved the clock leaves it where the next test expects it. */
    public static class ResetAfterEach implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context).getBean(TestClock.class).reset();
        }
    }
}
