package com.estateguard.staff;

import com.estateguard.org.EstateId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The estate's staff as other modules may read them: who is on site (the duty roster) and their NAT register. */
public interface StaffOnSite {

    /** A member of staff on a roster shift. */
    record OnSite(long userId, String name) {
    }

    /** Distinct people on the estate's shifts overlapping the period, by name. */
    List<OnSite> onShift(EstateId estate, Instant from, Instant to);

    /** A NAT of the staff register (the result known; pending ones are left out). */
    record StaffNat(long userId, LocalDate sampledOn, boolean positive) {
    }

    /** The newest known NAT of each member of the estate's staff sampled on or after the day. */
    List<StaffNat> natSince(EstateId estate, LocalDate day);
}
