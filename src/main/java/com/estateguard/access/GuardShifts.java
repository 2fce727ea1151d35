package com.estateguard.access;

import com.estateguard.identity.UserId;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoint's port to the duty roster (值守排班, ACC-01): a person records checks only for a
 * shift they are on. The checkpoint owns this interface; the module that keeps the roster implements it.
 */
public interface GuardShifts {

    /** A shift as the gate page shows it. */
    record GuardShift(ShiftId id, EstateId estateId, EntranceId entranceId, String entranceName, Instant startsAt,
                      Instant endsAt, String leaderName) {
    }

    /** The shift this person is on at this entrance at that moment, if any. */
    Optional<ShiftId> onDuty(UserId user, EntranceId entrance, Instant at);

    /** Shifts a person is on at that moment, for the gate page's "choose entrance and shift". */
    List<GuardShift> currentFor(UserId user, Instant at);

    /** Distinct people on the estate's checkpoint shifts in the period, for the daily report. */
    long staffOnDuty(EstateId estate, String regionPath, Instant from, Instant to);
}
