package com.estateguard.emergency.internal.screening;

import com.estateguard.residents.ResidentDirectory.RegisteredPerson;
import com.estateguard.staff.StaffOnSite.OnSite;

/**
 * Someone a screening round must test (应检尽检): a resident present or a member of staff on site.
 * {@code ref} names them in samples: R and the register entry's id, or S and the staff account's id.
 */
public record DuePerson(String ref, Kind kind, String name, String building, String unit, String room, String personKey,
                        Long userId) {

    public enum Kind { RESIDENT, STAFF }

    static DuePerson resident(RegisteredPerson p) {
        return new DuePerson("R" + p.id(), Kind.RESIDENT, p.name(), p.building(), p.unit(), p.room(), p.personKey(), null);
    }

    static DuePerson staff(OnSite s) {
        return new DuePerson("S" + s.userId(), Kind.STAFF, s.name(), null, null, null, null, s.userId());
    }

    /** Where progress counts them: building and unit, or the staff group. */
    public Place place() {
        return kind == Kind.STAFF ? Place.STAFF : new Place(building, unit == null ? "" : unit);
    }

    /** A building and unit; the staff on site form a group of their own (building null). */
    public record Place(String building, String unit) implements Comparable<Place> {

        static final Place STAFF = new Place(null, "");

        public boolean staff() {
            return building == null;
        }

        @Override
        public int compareTo(Place o) {
            if (staff() != o.staff()) {
                return staff() ? 1 : -1;
            }
            int b = staff() ? 0 : building.compareTo(o.building);
            return b != 0 ? b : unit.compareTo(o.unit);
        }
    }
}
