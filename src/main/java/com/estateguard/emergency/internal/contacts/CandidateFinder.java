package com.estateguard.emergency.internal.contacts;

import com.estateguard.access.Whereabouts;
import com.estateguard.emergency.internal.contacts.Candidate.Reason;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.residents.Households;
import com.estateguard.staff.ShiftOverlaps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Finds contact candidates around one person from the estate's own records, through the checkpoint's,
 * the register's and the roster's APIs, under the protocol's candidate parameters. Nothing is typed:
 * every candidate carries the rules that found them and the records behind them.
 */
@Component
public class CandidateFinder {

    private final Whereabouts gate;
    private final Households households;
    private final ShiftOverlaps shifts;
    private final OrgDirectory org;
    private final ZoneId zone;

    CandidateFinder(Whereabouts gate, Households households, ShiftOverlaps shifts, OrgDirectory org, ZoneId zone) {
        this.gate = gate;
        this.households = households;
        this.shifts = shifts;
        this.org = org;
        this.zone = zone;
    }

    /** The window a search covers and the estate it is in. */
    public record Window(EstateId estate, Instant from, Instant to) {

        LocalDate firstDay(ZoneId zone) {
            return from.atZone(zone).toLocalDate();
        }

        LocalDate lastDay(ZoneId zone) {
            return to.atZone(zone).toLocalDate();
        }
    }

    /** Candidates around the subject, one per person, the subject and the excluded identities left out. */
    public List<Candidate> find(Subject subject, ContactProtocol protocol, Window window, Set<String> excluded) {
        Map<String, Found> found = new LinkedHashMap<>();
        Optional<Households.Resident> resident = resident(subject, window.estate());
        resident.ifPresent(r -> fromRegister(r, protocol, window, found));
        if (subject.personKey() != null) {
            fromGate(subject.personKey(), protocol, window, found);
        }
        if (subject.staffUserId() != null) {
            fromRoster(subject.staffUserId(), window, found);
        }
        found.remove(subject.identity());
        resident.ifPresent(r -> found.remove(Subject.identity(r.personKey(), r.personId(), null, r.name())));
        excluded.forEach(found::remove);
        return found.values().stream().map(Found::candidate).toList();
    }

    public Optional<Households.Resident> resident(Subject subject, EstateId estate) {
        if (subject.residentId() != null) {
            return households.byId(estate, subject.residentId());
        }
        return subject.personKey() == null ? Optional.empty() : households.byPersonKey(estate, subject.personKey());
    }

    private void fromRegister(Households.Resident resident, ContactProtocol protocol, Window window, Map<String, Found> found) {
        List<Households.Resident> household = households.householdOf(resident);
        for (Households.Resident member : household) {
            add(found, member, new Reason(CandidateRule.HOUSEHOLD, "res_household#" + resident.householdId(), resident.address(), null));
        }
        for (Households.Neighbour n : households.neighboursOf(resident, protocol.sameUnitFloor(), protocol.floorsAbove(), protocol.floorsBelow())) {
            String where = n.floorsAway() == 0 ? "same floor" : n.floorsAway() > 0 ? "+" + n.floorsAway() + " floor" : n.floorsAway() + " floor";
            add(found, n.resident(), new Reason(CandidateRule.NEIGHBOUR, "res_household#" + n.resident().householdId(),
                    n.resident().address() + " (" + where + ")", null));
        }
        List<String> hosts = Stream.concat(Stream.of(resident), household.stream()).map(Households.Resident::name).toList();
        for (Whereabouts.HostedVisit v : gate.visitsHosted(window.estate(), hosts, resident.address(), window.firstDay(zone), window.lastDay(zone))) {
            put(found, Subject.identity(v.personKey(), null, null, v.visitorName()), v.visitorName(), v.personKey(), null, null,
                    v.idMasked(), v.phone(), new Reason(CandidateRule.VISITOR_HOSTED, "res_visit#" + v.visitId(),
                            v.day() + " " + v.hostName() + " " + v.hostAddress(), v.day().atStartOfDay(zone).toInstant()));
        }
        for (Whereabouts.WorkerDay w : gate.renovationAt(window.estate(), resident.address(), window.firstDay(zone), window.lastDay(zone))) {
            put(found, Subject.identity(w.personKey(), null, null, w.workerName()), w.workerName(), w.personKey(), null, null,
                    w.idMasked(), null, new Reason(CandidateRule.WORKER_RECEIVED, "res_site#" + w.siteId() + " worker#" + w.workerId(),
                            w.day() + " " + w.siteAddress() + " " + w.company(), w.day().atStartOfDay(zone).toInstant()));
        }
    }

    private void fromGate(String personKey, ContactProtocol protocol, Window window, Map<String, Found> found) {
        Map<Long, String> entrances = org.entrances(window.estate()).stream()
                .collect(Collectors.toMap(EntranceRef::id, EntranceRef::name));
        Duration within = Duration.ofMinutes(protocol.entranceMinutes());
        for (Whereabouts.NearPassage near : gate.near(window.estate(), personKey, window.from(), window.to(), within)) {
            Whereabouts.Passage p = near.passage();
            String name = p.personName() != null ? p.personName() : p.plate() != null ? p.plate() : "check#" + p.checkId();
            String identity = p.personKey() != null || p.personName() != null
                    ? Subject.identity(p.personKey(), null, null, name) : "check:" + p.checkId();
            put(found, identity, name, p.personKey(), null, null, null, null,
                    new Reason(CandidateRule.SAME_ENTRANCE, "access_check#" + p.checkId() + " ~ access_check#" + near.nearCheckId(),
                            entrances.getOrDefault(p.entranceId(), "#" + p.entranceId()) + " " + p.direction() + " "
                                    + near.secondsApart() / 60 + "m" + near.secondsApart() % 60 + "s", p.at()));
        }
    }

    private void fromRoster(long userId, Window window, Map<String, Found> found) {
        for (ShiftOverlaps.Colleague c : shifts.overlapping(userId, window.from(), window.to())) {
            put(found, Subject.identity(null, null, c.userId(), c.name()), c.name(), null, null, c.userId(), null, null,
                    new Reason(CandidateRule.STAFF_SHIFT, "access_shift#" + c.shiftId(), c.from() + " – " + c.to(), c.from()));
        }
    }

    private static void add(Map<String, Found> found, Households.Resident r, Reason reason) {
        put(found, Subject.identity(r.personKey(), r.personId(), null, r.name()), r.name(), r.personKey(), r.personId(), null,
                r.idMasked(), r.phone(), reason);
    }

    private static void put(Map<String, Found> found, String identity, String name, String personKey, Long residentId, Long staffUserId,
                            String idMasked, String phone, Reason reason) {
        found.computeIfAbsent(identity, k -> new Found(k, name, personKey, residentId, staffUserId, idMasked, phone)).reasons.add(reason);
    }

    /** A candidate being collected: the first record names the person, every record adds a reason. */
    private static final class Found {
        final String identity;
        final String name;
        final String personKey;
        final Long residentId;
        final Long staffUserId;
        final String idMasked;
        final String phone;
        final List<Reason> reasons = new ArrayList<>();

        Found(String identity, String name, String personKey, Long residentId, Long staffUserId, String idMasked, String phone) {
            this.identity = identity;
            this.name = name;
            this.personKey = personKey;
            this.residentId = residentId;
            this.staffUserId = staffUserId;
            this.idMasked = idMasked;
            this.phone = phone;
        }

        Candidate candidate() {
            return new Candidate(identity, name, personKey, residentId, staffUserId, idMasked, phone, reasons);
        }
    }
}
