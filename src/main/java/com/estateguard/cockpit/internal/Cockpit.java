package com.estateguard.cockpit.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.Role;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstatePlace;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the cockpit shows at one place of the tree: a region (city, district, street) with its
 * parts one level down (a street's parts are its estates), or one estate over 30 days. The place
 * must lie in the user's scope; anything else is "not found" for them.
 */
@Service
public class Cockpit {

    /** How many days an estate's page looks back. */
    static final int ESTATE_DAYS = 30;

    private final OrgDirectory org;
    private final CockpitFigures figures;
    private final Clock clock;
    private final ZoneId zone;

    Cockpit(OrgDirectory org, CockpitFigures figures, Clock clock, ZoneId zone) {
        this.org = org;
        this.figures = figures;
        this.clock = clock;
        this.zone = zone;
    }

    /** A place in the drill-down: a region or an estate. */
    public record Place(String kind, long id, String name, String path) {
        boolean estate() {
            return "ESTATE".equals(kind);
        }
    }

    /** One part of the place (a region one level down, or an estate) and its figures. */
    public record Part(Place place, Map<String, Long> figures) {
        public long get(String figure) {
            return figures.getOrDefault(figure, 0L);
        }
    }

    /** The view: where, the trail above it, the period, the totals and the parts. */
    public record View(Place at, List<Place> trail, LocalDate from, LocalDate to, Map<String, Long> totals, List<Part> parts) {
        public long get(String figure) {
            return totals.getOrDefault(figure, 0L);
        }

        public boolean estate() {
            return at.estate();
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The place the user starts at: their region, or their estate. */
    Place home(CurrentUser me) {
        if (me.estateId() != null) {
            return estatePlace(org.estateInScope(new EstateId(me.estateId()), me));
        }
        if (me.role().level() != Role.Level.REGION) {
            throw new NotFoundException("region", 0);
        }
        RegionRef region = org.regions(me.scopePath()).stream().filter(r -> r.path().equals(me.scopePath())).findFirst()
                .orElseThrow(() -> new NotFoundException("region", 0));
        return regionPlace(region);
    }

    Place region(long id, CurrentUser me) {
        RegionRef region = org.region(new RegionId(id)).filter(r -> r.path().startsWith(me.scopePath()))
                .orElseThrow(() -> new NotFoundException("region", id));
        return regionPlace(region);
    }

    Place estate(long id, CurrentUser me) {
        return estatePlace(org.estateInScope(new EstateId(id), me));
    }

    View view(Place at, LocalDate day, String userScope) {
        LocalDate from = at.estate() ? day.minusDays(ESTATE_DAYS - 1) : day;
        Instant start = start(from);
        Instant end = start(day.plusDays(1));
        RegionRef region = at.estate() ? null : org.region(new RegionId(at.id())).orElseThrow();
        List<RegionRef> tree = org.regions(at.path());   // the regions above the place and inside it, read once
        List<RegionRef> children = region == null ? List.of() : children(region, tree);
        if (region != null && region.level() != RegionLevel.STREET && rolledUp(region)
                && !children.isEmpty() && children.stream().allMatch(Cockpit::rolledUp)) {
            // A city or district: its sums and its parts' sums as kept per region, tens of rows.
            List<String> paths = new ArrayList<>(children.stream().map(RegionRef::path).toList());
            paths.add(at.path());
            Map<String, Map<String, Long>> sums = figures.byRegion(at.path(), paths, start, end, day);
            List<Part> parts = children.stream().map(c -> new Part(regionPlace(c), sums.getOrDefault(c.path(), Map.of()))).toList();
            return new View(at, trail(at, userScope, tree), from, day, sums.getOrDefault(at.path(), Map.of()), parts);
        }
        Map<Long, Map<String, Long>> byEstate = figures.byEstate(at.path(), start, end, day);
        List<Part> parts = region == null ? List.of() : parts(region, children, byEstate);
        Map<String, Long> totals = new HashMap<>();
        byEstate.values().forEach(f -> f.forEach((k, v) -> totals.merge(k, v, Long::sum)));
        return new View(at, trail(at, userScope, tree), from, day, totals, parts);
    }

    /** Check figures over time: by hour of the day for a region, by day over 30 days for an estate. */
    Map<java.time.LocalDateTime, Map<String, Long>> overTime(View view) {
        boolean regionSums = !view.estate() && org.region(new RegionId(view.at().id())).filter(Cockpit::rolledUp).isPresent();
        return regionSums ? figures.regionOverTime(view.at().path(), start(view.from()), start(view.to().plusDays(1)))
                : figures.overTime(view.at().path(), start(view.from()), start(view.to().plusDays(1)), view.estate());
    }

    Map<LocalDate, Map<String, Long>> ledgerDays(View view) {
        return figures.dayFigures(view.at().id(), view.from(), view.to());
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static boolean rolledUp(RegionRef region) {
        return RegionRollups.LEVELS.contains(region.level());
    }

    private static List<RegionRef> children(RegionRef region, List<RegionRef> tree) {
        return tree.stream().filter(r -> Long.valueOf(region.id()).equals(r.parentId()))
                .sorted(Comparator.comparingLong(RegionRef::id)).toList();
    }

    /** A street's or community's estates, or the parts of a region whose sums are not kept, summed from its estates. */
    private List<Part> parts(RegionRef region, List<RegionRef> children, Map<Long, Map<String, Long>> byEstate) {
        List<EstatePlace> estates = org.estatePlaces(region.path());
        if (region.level() == RegionLevel.STREET || region.level() == RegionLevel.COMMUNITY) {
            return estates.stream().map(e -> new Part(new Place("ESTATE", e.id(), e.name(), e.regionPath()),
                    byEstate.getOrDefault(e.id(), Map.of()))).toList();
        }
        Map<Long, Part> parts = new LinkedHashMap<>();
        children.forEach(c -> parts.put(c.id(), new Part(regionPlace(c), new HashMap<>())));
        for (EstatePlace e : estates) {
            children.stream().filter(c -> e.regionPath().startsWith(c.path())).findFirst().ifPresent(c ->
                    byEstate.getOrDefault(e.id(), Map.of()).forEach((k, v) -> parts.get(c.id()).figures().merge(k, v, Long::sum)));
        }
        return new ArrayList<>(parts.values());
    }

    /** The regions above the place that the user may open (no communities), then the place. */
    private static List<Place> trail(Place at, String userScope, List<RegionRef> tree) {
        List<Place> trail = new ArrayList<>(tree.stream()
                .filter(r -> at.path().startsWith(r.path()) && !r.path().equals(at.path()) && r.path().startsWith(userScope)
                        && r.level() != RegionLevel.COMMUNITY)
                .sorted(Comparator.comparing(RegionRef::path)).map(Cockpit::regionPlace).toList());
        trail.add(at);
        return trail;
    }

    private static Place regionPlace(RegionRef r) {
        return new Place("REGION", r.id(), r.name(), r.path());
    }

    private static Place estatePlace(EstateRef e) {
        return new Place("ESTATE", e.id(), e.name(), e.regionPath());
    }
}
