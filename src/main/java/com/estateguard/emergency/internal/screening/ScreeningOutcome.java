package com.estateguard.emergency.internal.screening;

import com.estateguard.healthdata.NatRecord;
import com.estateguard.healthdata.NatResult;
import com.estateguard.staff.StaffOnSite.StaffNat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each due person's status from every result that reached the round: the NAT register (imported),
 * the staff NAT register and the samples taken on site. The newest result counts, so a single
 * re-test after a positive pool settles it.
 */
public final class ScreeningOutcome {

    private ScreeningOutcome() {
    }

    /** A due person and where they stand. */
    public record PersonStatus(DuePerson person, TestStatus status, Instant at) {
    }

    private record Result(Instant at, TestStatus status) {
    }

    static List<PersonStatus> of(List<DuePerson> due, Map<String, NatRecord> register, List<StaffNat> staffNats,
                                 List<Sample> samples, ZoneId zone) {
        Map<String, Result> newest = new HashMap<>();
        for (DuePerson p : due) {
            NatRecord r = p.personKey() == null ? null : register.get(p.personKey());
            if (r != null) {
                newer(newest, p.ref(), new Result(r.sampledAt(), r.result() == NatResult.POSITIVE ? TestStatus.POSITIVE : TestStatus.NEGATIVE));
            }
        }
        for (StaffNat n : staffNats) {
            newer(newest, "S" + n.userId(), new Result(n.sampledOn().atStartOfDay(zone).toInstant(),
                    n.positive() ? TestStatus.POSITIVE : TestStatus.NEGATIVE));
        }
        for (Sample s : samples) {
            s.members().forEach(ref -> newer(newest, ref, new Result(s.sampledAt(), s.statusOfMembers())));
        }
        List<PersonStatus> people = new ArrayList<>(due.size());
        for (DuePerson p : due) {
            Result r = newest.get(p.ref());
            people.add(r == null ? new PersonStatus(p, TestStatus.UNTESTED, null) : new PersonStatus(p, r.status(), r.at()));
        }
        return people;
    }

    private static void newer(Map<String, Result> newest, String ref, Result r) {
        newest.merge(ref, r, (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    /** Counts per building and unit (staff last), and the estate's total. */
    public record Progress(DuePerson.Place place, int due, int negative, int positive, int retest, int untested) {

        public int tested() {
            return negative + positive;
        }

        public int percent() {
            return due == 0 ? 100 : tested() * 100 / due;
        }

        Progress plus(TestStatus s) {
            return new Progress(place, due + 1, negative + (s == TestStatus.NEGATIVE ? 1 : 0), positive + (s == TestStatus.POSITIVE ? 1 : 0),
                    retest + (s == TestStatus.RETEST ? 1 : 0), untested + (s == TestStatus.UNTESTED ? 1 : 0));
        }
    }

    static List<Progress> progress(List<PersonStatus> people) {
        Map<DuePerson.Place, Progress> byPlace = new TreeMap<>();
        for (PersonStatus p : people) {
            DuePerson.Place place = p.person().place();
            byPlace.put(place, byPlace.getOrDefault(place, new Progress(place, 0, 0, 0, 0, 0)).plus(p.status()));
        }
        return List.copyOf(byPlace.values());
    }

    static Progress total(List<PersonStatus> people) {
        Progress total = new Progress(null, 0, 0, 0, 0, 0);
        for (PersonStatus p : people) {
            total = total.plus(p.status());
        }
        return total;
    }
}
