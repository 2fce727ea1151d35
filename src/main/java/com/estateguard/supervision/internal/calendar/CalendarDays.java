package com.estateguard.supervision.internal.calendar;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Role;
import com.estateguard.supervision.SupervisionPermission;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar's rows as the city keeps them: every year's holidays and make-up working days from the
 * State Council's notice, and where each year's rows came from. Only the city authority edits it.
 */
@Service
public class CalendarDays {

    public record DayForm(@NotNull(message = "{spv.cal.error.day}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                          @NotNull(message = "{spv.cal.error.kind}") DayKind kind,
                          @NotBlank(message = "{spv.cal.error.name}") @Size(max = 40, message = "{spv.cal.error.name}") String name) {
    }

    public record YearForm(@NotBlank(message = "{spv.cal.error.source}") @Size(max = 200, message = "{spv.cal.error.source}") String source,
                           boolean provisional) {
    }

    public record Day(LocalDate day, DayKind kind, String name, String updatedBy) {
    }

    public record Year(int year, String source, boolean provisional, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Year> years() {
        return jdbc.sql("SELECT year, source, provisional, updated_by FROM sup_calendar_year ORDER BY year")
                .query((rs, i) -> new Year(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getString(4))).list();
    }

    public Optional<Year> year(int year) {
        return years().stream().filter(y -> y.year() == year).findFirst();
    }

    public List<Day> of(int year) {
        return jdbc.sql("SELECT day, kind, name, updated_by FROM sup_calendar_day WHERE day BETWEEN :f AND :t ORDER BY day")
                .param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31))
                .query((rs, i) -> new Day(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4))).list();
    }

    /** Adds a day or changes what it is; the year is listed (as provisional) if it was not yet. */
    @Transactional
    public void put(DayForm form, CurrentUser user) {
        requireCity(user);
        checkYear(form.day().getYear());
        jdbc.sql("""
                        INSERT INTO sup_calendar_day (day, kind, name, updated_by, updated_at) VALUES (:d, :k, :n, :by, :at)
                        ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
                               updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .param("d", form.day()).param("k", form.kind().name()).param("n", form.name().trim())
                .param("by", user.actor()).param("at", java.sql.Timestamp.from(clock.instant())).update();
        jdbc.sql("""
                        INSERT INTO sup_calendar_year (year, source, provisional, updated_by) VALUES (:y, :s, TRUE, :by)
                        ON CONFLICT (year) DO NOTHING""")
                .param("y", form.day().getYear()).param("s", "—").param("by", user.actor()).update();
    }

    /** The day is an ordinary weekday or weekend again. */
    public void remove(LocalDate day, CurrentUser user) {
        requireCity(user);
        jdbc.sql("DELETE FROM sup_calendar_day WHERE day = :d").param("d", day).update();
    }

    /** Names the notice a year's rows come from, and whether they are confirmed against it. */
    public void describe(int year, YearForm form, CurrentUser user) {
        requireCity(user);
        checkYear(year);
        jdbc.sql("""
                        INSERT INTO sup_calendar_year (year, source, provisional, updated_by, updated_at) VALUES (:y, :s, :p, :by, :at)
                        ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, provisional = EXCLUDED.provisional,
                               updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .param("y", year).param("s", form.source().trim()).param("p", form.provisional())
                .param("by", user.actor()).param("at", java.sql.Timestamp.from(clock.instant())).update();
    }

    /** The calendar is national and one for the whole city: only the city's authority keeps it. */
    public static boolean mayEdit(CurrentUser user) {
        return user.role() == Role.CITY_AUTHORITY && user.can(SupervisionPermission.SUPERVISION_MANAGE);
    }

    private static void requireCity(CurrentUser user) {
        if (!mayEdit(user)) {
            throw new NotPermittedException();
        }
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("spv.cal.error.day");
        }
    }
}
