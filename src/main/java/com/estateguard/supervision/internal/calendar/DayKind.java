package com.estateguard.supervision.internal.calendar;

/** What a calendar row makes of its day: a day off on a weekday (假日) or a make-up working day on a weekend (调休上班). */
public enum DayKind {
    HOLIDAY, WORKDAY
}
