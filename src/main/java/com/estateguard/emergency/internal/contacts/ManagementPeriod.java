package com.estateguard.emergency.internal.contacts;

import java.time.LocalDate;
import java.util.List;

/**
 * One managed person's period under a protocol version: day 1 is {@code startsOn}; isolation until
 * {@code isolationEndsOn}, monitoring until {@code endsOn} (both inclusive); a NAT due on each of
 * {@code natDates}. A tier without days (the key group) ends the day before it starts: nothing is due.
 */
public record ManagementPeriod(LocalDate startsOn, LocalDate isolationEndsOn, LocalDate endsOn, List<LocalDate> natDates) {

    public ManagementPeriod {
        natDates = List.copyOf(natDates);
    }

    public static ManagementPeriod of(ContactProtocol protocol, ContactTier tier, LocalDate dayOne) {
        TierRule rule = protocol.rule(tier);
        return new ManagementPeriod(dayOne, dayOne.plusDays(rule.isolationDays() - 1L),
                dayOne.plusDays(rule.periodDays() - 1L),
                rule.natDays().stream().map(day -> dayOne.plusDays(day - 1L)).toList());
    }

    /** The day of the period a date is (1 for the first day). */
    public long dayOf(LocalDate date) {
        return startsOn.until(date, java.time.temporal.ChronoUnit.DAYS) + 1;
    }

    public boolean isolatedOn(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(isolationEndsOn);
    }
}
