package com.estateguard.supervision.internal.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Adds working days to a moment by the calendar the city keeps ({@code sup_calendar_day}), in the
 * application's zone. A deadline of N working days ends with the Nth working day after the day of issue.
 */
@Service
public class WorkingDays {

    /** Far enough for any deadline the policy allows (at most 30 working days) across the longest holiday. */
    private static final int WINDOW_DAYS = 120;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    WorkingDays(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** The last day of a deadline of {@code n} working days counted from {@code day}. */
    public LocalDate addTo(LocalDate day, int n) {
        return calendar(day, day.plusDays(WINDOW_DAYS + 2L * n)).plusWorkingDays(day, n);
    }

    /** The moment a deadline of {@code n} working days from {@code from} passes: the end of its last day. */
    public Instant deadline(Instant from, int n) {
        return endOf(addTo(LocalDate.ofInstant(from, zone), n));
    }

    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    WorkingDayCalendar calendar(LocalDate from, LocalDate to) {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        jdbc.sql("SELECT day, kind FROM sup_calendar_day WHERE day BETWEEN :f AND :t")
                .param("f", from).param("t", to)
                .query((rs, i) -> exceptions.put(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind"))))
                .list();
        return new WorkingDayCalendar(exceptions);
    }
}
