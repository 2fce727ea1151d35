package com.estateguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test clock itself: it reads what it was set to, ticks on from there and returns to the suite's timeline. */
class TestClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NIGHT = Instant.parse("2026-11-27T18:30:00Z");   // 02:30 in Shanghai

    private final TestClock clock = new TestClock(NIGHT, SHANGHAI);

    @Test
    void theStartIsReadAsAnOffsetOrALocalTimeInTheApplicationsZone() {
        assertThat(TestClock.parse("2026-11-28T02:30:00+08:00", SHANGHAI)).isEqualTo(NIGHT);
        assertThat(TestClock.parse("2026-11-28T02:30", SHANGHAI)).isEqualTo(NIGHT);
        assertThat(TestClock.parse("2026-11-27T18:30:00Z", SHANGHAI)).isEqualTo(NIGHT);
    }

    @Test
    void withoutAStartItIsAFixedWeekdayMorningMidMonth() {
        assertThat(TestClock.parse(" ", SHANGHAI)).isEqualTo(TestClock.parse(null, SHANGHAI)).isEqualTo(TestClock.DEFAULT_START);
        var shanghai = TestClock.DEFAULT_START.atZone(SHANGHAI);
        var utc = TestClock.DEFAULT_START.atZone(java.time.ZoneOffset.UTC);
        assertThat(shanghai.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 18, 10, 0));
        assertThat(shanghai.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.WEDNESDAY);
        // A test may move a day or two either way, or a week ahead (unusedDay), and stay in the same month and day in both zones.
        for (var at : List.of(shanghai, utc)) {
            assertThat(at.getDayOfMonth()).isBetween(10, 20);
            assertThat(at.getHour()).isBetween(2, 10);
        }
    }

    @Test
    void aLocalTimeIsSetInTheApplicationsZoneAndTicksOn() {
        clock.setLocal(LocalDateTime.of(2026, 3, 2, 10, 0));
        assertThat(clock.instant()).isBetween(Instant.parse("2026-03-02T02:00:00Z"), Instant.parse("2026-03-02T02:00:01Z"));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void advancingMovesItForwardByThatMuch() {
        clock.advance(Duration.ofHours(22));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(clock.localNow().getHour()).isEqualTo(0);
    }

    @Test
    void aZonedViewReadsTheSameMovingTime() {
        var utc8 = clock.withZone(SHANGHAI);
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(LocalDateTime.now(utc8).toLocalDate()).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(utc8.getZone()).isEqualTo(SHANGHAI);
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }

    @Test
    void eachTestThatAsksGetsADayOfItsOwnAWeekOrMoreAhead() {
        assertThat(clock.unusedDay()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(clock.unusedDay()).isEqualTo(LocalDate.of(2026, 12, 6));
    }

    @Test
    void resetReturnsToTheStartPlusTheTimeThatReallyPassed() {
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        clock.reset();
        assertThat(clock.instant()).isBetween(NIGHT, NIGHT.plusSeconds(5));
    }
}
