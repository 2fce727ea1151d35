package com.estateguard.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoint's port to the duty roster (值守排班, ACC-01): a person records checks only for a
 * shift they are on. The checkpoint owns this interface; the module that keeps the roster implements it.
 */
public interface GuardShifts {

    /** A shift as the gate page shows it. */
    record GuardShift(long id, long estateId, long entranceId, String entranceName, Instant startsAt, Instant endsAt,
                      String leaderName) {
    }

    /** The shift this person is on at this entrance at that moment, if any. */
    Optional<Long> onDuty(long userId, long entranceId, Instant at);

    /** Shifts a person is on at that moment, for the gate page's "choose entrance and shift". */
    List<GuardShift> currentFor(long userId, Instant at);

    /** Distinct people on the estate's checkpoint shifts in the period, for the daily report. */
    long staffOnDuty(long estateId, String regionPath, Instant from, Instant to);
}
