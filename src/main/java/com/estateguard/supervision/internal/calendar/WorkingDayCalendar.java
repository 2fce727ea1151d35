package com.estateguard.supervision.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * The working-day calendar (工作日历) as plain data: Monday to Friday work, Saturday and Sunday do not,
 * unless a row of the State Council's holiday notice says otherwise (a holiday, or a 调休 Saturday or
 * Sunday worked instead).
 */
public record WorkingDayCalendar(Map<LocalDate, DayKind> exceptions) {

    public WorkingDayCalendar {
        exceptions = Map.copyOf(exceptions);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}th working day after {@code day}, the day itself not counted: an order issued on the
     * eve of National Day with 2 working days is due on the second working day after the holiday.
     */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        LocalDate d = day;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
