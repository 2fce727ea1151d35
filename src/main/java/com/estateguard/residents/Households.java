package com.estateguard.residents;

import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The register's answer to an investigation (EMG-07): who lives with a person, who lives next to
 * them by the building rule, and the parcels their household received. Read only; the caller
 * decides who may see it and audits the view.
 */
public interface Households {

    /** A person of the register with their household's address (building-unit-room). */
    record Resident(long personId, long householdId, String name, String personKey, String idMasked, String phone,
                    String building, String unit, String room) {

        public String address() {
            return building + "-" + unit + "-" + room;
        }
    }

    /** A neighbour and the floor difference to the person asked about (0 same floor, 1 directly above, -1 below). */
    record Neighbour(Resident resident, int floorsAway) {
    }

    /** A parcel left for the household at a pickup point. */
    record Parcel(long parcelId, String recipientName, String pickupPoint, String carrier, Instant arrivedAt, Instant pickedUpAt,
                  String pickedUpBy) {
    }

    Optional<Resident> byPersonKey(EstateId estate, String personKey);

    Optional<Resident> byId(EstateId estate, long personId);

    /** The other people of the person's household. */
    List<Resident> householdOf(Resident person);

    /**
     * People in the same building and unit on the same floor ({@code sameFloor}) and up to the given
     * number of floors directly above and below; the floor is the room number without its last two
     * digits (1502 is on the 15th floor). Households of the person excluded.
     */
    List<Neighbour> neighboursOf(Resident person, boolean sameFloor, int floorsAbove, int floorsBelow);

    /** Parcels for the household that arrived in {@code [from, to)}. */
    List<Parcel> parcels(long householdId, Instant from, Instant to);
}
