package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.supervision.internal.calendar.DayKind;
import com.estateguard.supervision.internal.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Working days by the State Council's 2026 notice: National Day 10-01..10-07, 调休 Sunday 09-20 and Saturday 10-10. */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar Y2026 = new WorkingDayCalendar(national2026());

    private static Map<LocalDate, DayKind> national2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 7)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 9, 20), DayKind.WORKDAY);
        days.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
        return days;
    }

    @Test
    void anOrdinaryWeekendIsSkipped() {
        // Friday 2026-11-27 + 2 working days: Monday 11-30, Tuesday 12-01.
        assertThat(Y2026.plusWorkingDays(LocalDate.of(2026, 11, 27), 2)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(Y2026.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
    }

    @Test
    void theEveOfNationalDayIsDueTwoWorkingDaysAfterTheHoliday() {
        // Wednesday 09-30 + 2: the holiday and its weekend do not count; Thursday 10-08 and Friday 10-09 do.
        assertThat(Y2026.plusWorkingDays(LocalDate.of(2026, 9, 30), 2)).isEqualTo(LocalDate.of(2026, 10, 9));
    }

    @Test
    void aMakeUpSaturdayCountsAndAWeekdayHolidayDoesNot() {
        assertThat(Y2026.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(Y2026.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        // Friday 10-09 + 1 is the 调休 Saturday 10-10; + 2 skips Sunday to Monday 10-12.
        assertThat(Y2026.plusWorkingDays(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(Y2026.plusWorkingDays(LocalDate.of(2026, 10, 9), 2)).isEqualTo(LocalDate.of(2026, 10, 12));
        // Saturday 09-19 + 1 is the 调休 Sunday 09-20.
        assertThat(Y2026.plusWorkingDays(LocalDate.of(2026, 9, 19), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
    }

    @Test
    void zeroDaysIsTheSameDayAndNegativeIsRefused() {
        assertThat(Y2026.plusWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThatThrownBy(() -> Y2026.plusWorkingDays(LocalDate.of(2026, 10, 3), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
