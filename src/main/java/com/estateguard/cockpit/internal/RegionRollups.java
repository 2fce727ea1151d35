package com.estateguard.cockpit.internal;

import com.estateguard.cockpit.CheckRollups.HourCount;
import com.estateguard.org.EstatePlace;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures per region (city, district and street; not community, for which no view is drawn), kept
 * beside the estates' rows by the jobs that keep those, in their transaction and under their lock: the
 * city's view then reads tens of rows, not one per estate and figure. Which regions an estate lies in
 * comes from the organisation tree (read through {@link OrgDirectory}, held here and read again when an
 * unknown estate turns up); an estate moved to another region keeps its past in the old one until its
 * rows are rebuilt ({@link #rebuildHours}, {@link #rebuildDay}), which recompute the regions' rows from
 * the estates' rows.
 */
@Component
class RegionRollups {

    /** Levels whose figures are rolled up: every level a cockpit view is drawn for. */
    static final Set<RegionLevel> LEVELS = java.util.EnumSet.of(RegionLevel.CITY, RegionLevel.DISTRICT, RegionLevel.STREET);
    private static final Timestamp EVER_FROM = Timestamp.from(Instant.parse("1970-01-01T00:00:00Z"));
    private static final Timestamp EVER_TO = Timestamp.from(Instant.parse("9999-01-01T00:00:00Z"));

    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private volatile Map<Long, List<String>> pathsByEstate = Map.of();

    RegionRollups(OrgDirectory org, JdbcClient jdbc) {
        this.org = org;
        this.jdbc = jdbc;
    }

    /** Adds the estates' changes to their regions' hours (the estates' own rows are written by the caller). */
    void add(Collection<HourCount> estateChanges) {
        if (estateChanges.stream().anyMatch(c -> !pathsByEstate.containsKey(c.estateId()))) {
            reload();
        }
        record RegionHour(String path, long hour, String figure) {
        }
        Map<RegionHour, Long> byRegion = new LinkedHashMap<>();
        for (HourCount c : estateChanges) {
            for (String path : pathsByEstate.getOrDefault(c.estateId(), List.of())) {
                byRegion.merge(new RegionHour(path, c.hour().getEpochSecond(), c.figure()), c.n(), Long::sum);
            }
        }
        if (byRegion.isEmpty()) {
            return;
        }
        // One statement for the batch (arrays unnested), as the estates' rows are written.
        jdbc.sql("""
                        INSERT INTO cockpit_region_check_hour (region_path, hour, figure, n)
                        SELECT p, to_timestamp(h), f, n
                          FROM unnest(cast(:p AS text[]), cast(:h AS bigint[]), cast(:f AS text[]), cast(:n AS bigint[])) AS t(p, h, f, n)
                        ON CONFLICT (region_path, hour, figure) DO UPDATE SET n = cockpit_region_check_hour.n + excluded.n""")
                .param("p", quoted(byRegion.keySet(), RegionHour::path))
                .param("h", array(byRegion.keySet(), k -> Long.toString(k.hour())))
                .param("f", quoted(byRegion.keySet(), RegionHour::figure))
                .param("n", array(byRegion.values(), String::valueOf))
                .update();
    }

    /** Recomputes the regions' hours in [from, to) from the estates' hours. */
    void rebuildHours(Instant from, Instant to) {
        rebuildHours(Timestamp.from(from), Timestamp.from(to));
    }

    /** Recomputes the regions' rows of one day's ledger figures from the estates' rows. */
    void rebuildDay(LocalDate day) {
        reload();
        jdbc.sql("DELETE FROM cockpit_region_day_figure WHERE day = :day").param("day", day).update();
        insertSums("cockpit_region_day_figure (region_path, day, figure, n)", "day",
                "cockpit_day_figure h WHERE h.day = :day").param("day", day).update();
    }

    /** Builds the regions' hours from every estate hour once, on a database kept before the regions were (caller holds the lock). */
    void initialiseHours() {
        if (initialise("REGION_HOUR")) {
            rebuildHours(EVER_FROM, EVER_TO);
        }
    }

    /** Builds the regions' day figures from every estate's once (caller holds the lock). */
    void initialiseDays() {
        if (initialise("REGION_DAY")) {
            reload();
            jdbc.sql("DELETE FROM cockpit_region_day_figure").update();
            insertSums("cockpit_region_day_figure (region_path, day, figure, n)", "day", "cockpit_day_figure h").update();
        }
    }

    /** The estates' regions are read again before the next rows are added. */
    void forgetPlaces() {
        pathsByEstate = Map.of();
    }

    private void rebuildHours(Timestamp from, Timestamp to) {
        reload();
        jdbc.sql("DELETE FROM cockpit_region_check_hour WHERE hour >= :from AND hour < :to").param("from", from).param("to", to).update();
        insertSums("cockpit_region_check_hour (region_path, hour, figure, n)", "hour",
                "cockpit_check_hour h WHERE h.hour >= :from AND h.hour < :to").param("from", from).param("to", to).update();
    }

    /** Once per database: an UPDATE that matches no row once done (and so writes nothing). */
    private boolean initialise(String family) {
        return jdbc.sql("UPDATE cockpit_watermark SET last_id = 1 WHERE family = :f AND last_id = 0").param("f", family).update() == 1;
    }

    /** INSERT of the estates' rows summed per region, the estate-to-region pairs passed as two arrays. */
    private JdbcClient.StatementSpec insertSums(String into, String period, String fromWhere) {
        List<Long> estates = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        pathsByEstate.forEach((estate, regionPaths) -> regionPaths.forEach(p -> {
            estates.add(estate);
            paths.add(p);
        }));
        return jdbc.sql("INSERT INTO " + into + " SELECT m.path, h." + period + ", h.figure, sum(h.n) FROM " + fromWhere.replaceFirst(
                        " h", " h JOIN unnest(cast(:estates AS bigint[]), cast(:paths AS text[])) AS m(estate_id, path) ON m.estate_id = h.estate_id")
                        + " GROUP BY 1, 2, 3")
                .param("estates", estates.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .param("paths", quoted(paths, Function.identity()));
    }

    /** Every estate's regions of the rolled-up levels, by their paths (a prefix of the estate's own region path). */
    private synchronized void reload() {
        Map<String, RegionLevel> levels = new HashMap<>();
        for (RegionRef r : org.regions("R/")) {
            levels.put(r.path(), r.level());
        }
        Map<Long, List<String>> paths = new HashMap<>();
        for (EstatePlace e : org.estatePlaces("R/")) {
            List<String> above = new ArrayList<>();
            for (int cut = e.regionPath().indexOf('/', 2); cut > 0; cut = e.regionPath().indexOf('/', cut + 1)) {
                String prefix = e.regionPath().substring(0, cut + 1);
                RegionLevel level = levels.get(prefix);
                if (level != null && LEVELS.contains(level)) {
                    above.add(prefix);
                }
            }
            paths.put(e.id(), List.copyOf(above));
        }
        pathsByEstate = paths;
    }

    private static <T> String array(Collection<T> values, Function<T, String> element) {
        return values.stream().map(element).collect(Collectors.joining(",", "{", "}"));
    }

    /** Region paths ("R/1/4/") and figure names (letters, digits, '.', '_') need no escaping inside quotes. */
    private static <T> String quoted(Collection<T> values, Function<T, String> element) {
        return array(values, v -> '"' + element.apply(v) + '"');
    }
}
