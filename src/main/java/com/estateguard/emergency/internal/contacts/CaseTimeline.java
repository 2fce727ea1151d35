package com.estateguard.emergency.internal.contacts;

import com.estateguard.access.Direction;
import com.estateguard.access.Whereabouts;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.residents.Households;
import com.estateguard.staff.ShiftOverlaps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Where the case went over the exposure window, built from the records without typing: gate
 * passages in and out, the gaps spent outside the estate (for the investigator to ask about),
 * visitors the household hosted, parcels, renovation work at home and shifts if the case is staff.
 */
@Component
public class CaseTimeline {

    /** One entry: what ({@code kind}), from when until when ({@code to} null for a moment), the record and what it shows. */
    public record Entry(String kind, Instant at, Instant to, String record, String detail) {
    }

    /** A stretch outside the estate: left at {@code from} and came back at {@code to} (null: not back, or from before the window). */
    public record Gap(Instant from, Instant to, long minutes) {
    }

    public record Timeline(List<Entry> entries, List<Gap> gaps) {
    }

    private final Whereabouts gate;
    private final Households households;
    private final ShiftOverlaps shifts;
    private final CandidateFinder finder;
    private final OrgDirectory org;
    private final ZoneId zone;

    CaseTimeline(Whereabouts gate, Households households, ShiftOverlaps shifts, CandidateFinder finder, OrgDirectory org, ZoneId zone) {
        this.gate = gate;
        this.households = households;
        this.shifts = shifts;
        this.finder = finder;
        this.org = org;
        this.zone = zone;
    }

    public Timeline of(Subject subject, CandidateFinder.Window window) {
        List<Entry> entries = new ArrayList<>();
        List<Whereabouts.Passage> passages = subject.personKey() == null ? List.of()
                : gate.of(window.estate(), subject.personKey(), window.from(), window.to());
        Map<Long, String> entrances = org.entrances(window.estate()).stream().collect(Collectors.toMap(EntranceRef::id, EntranceRef::name));
        passages.forEach(p -> entries.add(new Entry("PASSAGE_" + p.direction(), p.at(), null, "access_check#" + p.checkId(),
                entrances.getOrDefault(p.entranceId(), "#" + p.entranceId()))));
        Optional<Households.Resident> home = finder.resident(subject, window.estate());
        home.ifPresent(r -> atHome(r, window, entries));
        if (subject.staffUserId() != null) {
            shifts.shiftsOf(subject.staffUserId(), window.from(), window.to()).forEach(d -> entries.add(new Entry("SHIFT", d.startsAt(),
                    d.endsAt(), "access_shift#" + d.shiftId(), entrances.getOrDefault(d.entranceId(), "#" + d.entranceId()))));
        }
        entries.sort(Comparator.comparing(Entry::at));
        return new Timeline(entries, gaps(passages, window));
    }

    private void atHome(Households.Resident r, CandidateFinder.Window window, List<Entry> entries) {
        List<String> hosts = new ArrayList<>(households.householdOf(r).stream().map(Households.Resident::name).toList());
        hosts.add(r.name());
        gate.visitsHosted(window.estate(), hosts, r.address(), window.firstDay(zone), window.lastDay(zone))
                .forEach(v -> entries.add(new Entry("VISIT", v.day().atStartOfDay(zone).toInstant(), null, "res_visit#" + v.visitId(),
                        v.visitorName() + " → " + v.hostName())));
        households.parcels(r.householdId(), window.from(), window.to())
                .forEach(p -> entries.add(new Entry("PARCEL", p.arrivedAt(), p.pickedUpAt(), "res_parcel#" + p.parcelId(),
                        p.carrier() + " " + p.pickupPoint())));
        gate.renovationAt(window.estate(), r.address(), window.firstDay(zone), window.lastDay(zone))
                .forEach(w -> entries.add(new Entry("RENOVATION", w.day().atStartOfDay(zone).toInstant(), null,
                        "res_site#" + w.siteId(), w.workerName() + " " + w.company())));
    }

    /** An OUT followed by the next IN is a gap; an OUT never followed, or an IN with no OUT before it, an open one. */
    static List<Gap> gaps(List<Whereabouts.Passage> passages, CandidateFinder.Window window) {
        List<Gap> gaps = new ArrayList<>();
        Instant out = null;
        boolean first = true;
        for (Whereabouts.Passage p : passages) {
            if (p.direction() == Direction.OUT) {
                out = out == null ? p.at() : out;
            } else if (out != null || first) {
                Instant from = out != null ? out : window.from();
                gaps.add(new Gap(out, p.at(), java.time.Duration.between(from, p.at()).toMinutes()));
                out = null;
            }
            first = false;
        }
        if (out != null) {
            gaps.add(new Gap(out, null, java.time.Duration.between(out, window.to()).toMinutes()));
        }
        return gaps;
    }
}
