package com.estateguard.cockpit;

import java.time.LocalDate;
import java.util.List;

/**
 * One family of a module's figures per estate and day, for the cockpit (daily reports late or missing,
 * open follow-ups, staff not fit for duty...). The module that owns the records implements it; the
 * cockpit refreshes today's figures every minute and keeps each day's last values, so the cockpit never
 * reads another module's tables. Figures are named {@code <FAMILY>.<what>}.
 */
public interface DayFigures {

    /** The family's name, the prefix of its figures, e.g. {@code FOLLOWUP}. */
    String family();

    /** Every estate's figures for the day, as they stand now; estates with nothing to count may be left out. */
    List<DayFigure> of(LocalDate day);

    record DayFigure(long estateId, String figure, long n) {
    }
}
