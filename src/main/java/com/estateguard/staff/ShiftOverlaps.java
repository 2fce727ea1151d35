package com.estateguard.staff;

import java.time.Instant;
import java.util.List;

/**
 * The duty roster's answer to an investigation (EMG-07) when the case is staff: their shifts, and
 * the people on the same shifts or on other shifts at the same post at the same time.
 */
public interface ShiftOverlaps {

    /** One of the person's shifts at an entrance. */
    record Duty(long shiftId, long entranceId, Instant startsAt, Instant endsAt) {
    }

    /** Someone on duty at the same post while the person was, and when the two overlapped. */
    record Colleague(long userId, String name, long shiftId, long entranceId, Instant from, Instant to) {
    }

    List<Duty> shiftsOf(long userId, Instant from, Instant to);

    List<Colleague> overlapping(long userId, Instant from, Instant to);
}
