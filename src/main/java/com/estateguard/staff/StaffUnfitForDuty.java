package com.estateguard.staff;

import com.estateguard.identity.UserId;
import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.List;

/**
 * A staff member's reading (fever, exposure) made them unfit for duty (STF-01): they are already
 * off their coming shifts and reported to the community when this is published. The shifts they
 * lead now need a new leader.
 */
public record StaffUnfitForDuty(UserId userId, EstateId estateId, long healthRecordId, List<String> reasons, int shiftsLeft,
                                int shiftsLedNeedingLeader, Instant at) {
}
