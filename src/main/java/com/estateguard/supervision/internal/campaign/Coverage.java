package com.estateguard.supervision.internal.campaign;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstatePlace;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage of a campaign's phase, live (SPV-06): the estates in scope inspected or not, by region
 * (city → district → street → estate), by street and by group, the score distribution and the
 * unqualified estates; and 查漏补缺, which assigns every estate not yet inspected to the group
 * covering its street. The estates come from the organisation (already cut to the user's scope);
 * the results from the inspections, cut by the same scope in SQL.
 */
@Service
public class Coverage {

    public static final String NO_GROUP = "";
    /** The unqualified estates listed on the page, lowest score first; the count covers them all. */
    static final int UNQUALIFIED_LISTED = 100;

    private final OrgDirectory org;
    private final InspectionRecords records;
    private final InspectionGroups groups;
    private final JdbcClient jdbc;
    private final Clock clock;

    Coverage(OrgDirectory org, InspectionRecords records, InspectionGroups groups, JdbcClient jdbc, Clock clock) {
        this.org = org;
        this.records = records;
        this.groups = groups;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Figures of a set of estates: a region, a street or a group. */
    public record Row(String key, Long regionId, String name, int estates, int inspected, int unqualified, BigDecimal averagePercent) {

        public int gaps() {
            return estates - inspected;
        }

        public int coveredPercent() {
            return estates == 0 ? 0 : inspected * 100 / estates;
        }
    }

    public record EstateRow(EstatePlace estate, String streetPath, String street, String group, InspectionRecords.Result result,
                            BigDecimal percent) {

        EstateRow(EstatePlace estate, String streetPath, String street, String group, InspectionRecords.Result result) {
            this(estate, streetPath, street, group, result, result == null ? null : result.percent());
        }

        public boolean inspected() {
            return result != null;
        }
    }

    /** The phase as seen from one region of the campaign by one user. */
    public record View(Campaign campaign, Campaign.Phase phase, RegionRef at, List<RegionRef> trail, Row total, List<Row> areas,
                       List<Row> streets, List<Row> byGroup, List<EstateRow> estates, List<EstateRow> unqualified,
                       int[] scoreBuckets) {

        /** Below a street the estates themselves are listed. */
        public boolean listsEstates() {
            return at.level() == RegionLevel.STREET || at.level() == RegionLevel.COMMUNITY;
        }
    }

    public record GapAssignment(int assigned, int withoutGroup) implements java.io.Serializable {
    }

    public View view(Campaign campaign, Campaign.Phase phase, Long regionId, CurrentUser user) {
        Map<String, RegionRef> regions = org.regions(user.scopePath()).stream()
                .collect(Collectors.toMap(RegionRef::path, Function.identity(), (a, b) -> a));
        RegionRef at = at(campaign, regionId, regions);
        // Below the user's own region, reading only the region shown is reading less and still inside the scope.
        String scope = at.path().startsWith(user.scopePath()) ? at.path() : user.scopePath();
        List<EstateRow> rows = estates(campaign, phase, at.path(), scope, regions);
        List<RegionRef> trail = regions.values().stream()
                .filter(r -> at.path().startsWith(r.path()) && r.path().startsWith(campaign.regionPath()))
                .sorted(java.util.Comparator.comparingInt(r -> r.path().length())).toList();
        return new View(campaign, phase, at, trail, row("", at.id(), at.name(), rows),
                group(rows, e -> childOf(at.path(), e.estate().regionPath()), regions),
                group(rows, EstateRow::streetPath, regions),
                groupBy(rows, EstateRow::group),
                rows, rows.stream().filter(e -> e.inspected() && !e.result().qualified())
                        .sorted(java.util.Comparator.comparing(EstateRow::percent, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                        .limit(UNQUALIFIED_LISTED).toList(), buckets(rows));
    }

    /**
     * The phase's coverage of the campaign's estates under {@code path}, a region or one estate's own path inside a
     * scope the caller has checked (the cockpit's place): how many there are and how many the phase has inspected.
     */
    public Row under(Campaign campaign, Campaign.Phase phase, String path) {
        Map<Long, InspectionRecords.Result> results = records.results(campaign.id(), phase.id(), path);
        List<EstateRow> rows = inCampaign(campaign, path, path).stream()
                .map(e -> new EstateRow(e, "", "", NO_GROUP, results.get(e.id()))).toList();
        return row(path, null, campaign.name(), rows);
    }

    /** 查漏补缺: each estate of the phase not yet inspected nor given to a group, to the group covering its street. */
    @Transactional
    public GapAssignment assignGaps(Campaign campaign, Campaign.Phase phase, CurrentUser by) {
        Campaigns.requireManager(by);
        List<InspectionGroups.Group> all = groups.of(campaign);
        java.util.Set<Long> taken = jdbc.sql("SELECT estate_id FROM sup_assignment WHERE phase_id = :p AND kind = 'GROUP'")
                .param("p", phase.id()).query(Long.class).set();
        Map<Long, InspectionRecords.Result> results = records.results(campaign.id(), phase.id(), by.scopePath());
        List<Long> estates = new ArrayList<>();
        List<Long> toGroups = new ArrayList<>();
        int withoutGroup = 0;
        for (EstatePlace estate : inCampaign(campaign, campaign.regionPath(), by.scopePath())) {
            if (results.containsKey(estate.id()) || taken.contains(estate.id())) {
                continue;
            }
            var group = covering(all, estate.regionPath());
            if (group == null) {
                withoutGroup++;
            } else {
                estates.add(estate.id());
                toGroups.add(group.id());
            }
        }
        int assigned = estates.isEmpty() ? 0 : jdbc.sql("""
                        INSERT INTO sup_assignment (campaign_id, phase_id, estate_id, kind, group_id, created_at, created_by)
                        SELECT :c, :p, e, 'GROUP', g, :at, :by FROM unnest(:estates::bigint[], :groups::bigint[]) AS t(e, g)
                        ON CONFLICT (phase_id, estate_id) WHERE kind = 'GROUP' DO NOTHING""")
                .param("c", campaign.id()).param("p", phase.id()).param("estates", array(estates)).param("groups", array(toGroups))
                .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).update();
        return new GapAssignment(assigned, withoutGroup);
    }

    private List<EstateRow> estates(Campaign campaign, Campaign.Phase phase, String under, String scope, Map<String, RegionRef> regions) {
        Map<Long, InspectionRecords.Result> results = records.results(campaign.id(), phase.id(), scope);
        List<InspectionGroups.Group> all = groups.of(campaign);
        return inCampaign(campaign, under, scope).stream().map(e -> {
            var group = covering(all, e.regionPath());
            String streetPath = streetPath(e.regionPath(), regions);
            RegionRef street = regions.get(streetPath);
            return new EstateRow(e, streetPath, street == null ? "" : street.name(), group == null ? NO_GROUP : group.name(),
                    results.get(e.id()));
        }).toList();
    }

    private List<EstatePlace> inCampaign(Campaign campaign, String under, String scope) {
        return org.estatePlaces(scope).stream()
                .filter(e -> e.regionPath().startsWith(campaign.regionPath()) && e.regionPath().startsWith(under)).toList();
    }

    private RegionRef at(Campaign campaign, Long regionId, Map<String, RegionRef> regions) {
        if (regionId == null) {
            return org.region(new RegionId(campaign.regionId())).orElseThrow();
        }
        return org.region(new RegionId(regionId))
                .filter(r -> r.path().startsWith(campaign.regionPath()) && regions.containsKey(r.path()))
                .orElseThrow(() -> new NotFoundException("region", regionId));
    }

    private static InspectionGroups.Group covering(List<InspectionGroups.Group> groups, String estatePath) {
        return groups.stream().filter(g -> g.covers(estatePath)).findFirst().orElse(null);
    }

    /** The region one level below {@code parent} on the estate's path, e.g. R/1/ and R/1/4/9/E3/ give R/1/4/. */
    static String childOf(String parent, String estatePath) {
        int end = estatePath.indexOf('/', parent.length());
        return end < 0 ? estatePath : estatePath.substring(0, end + 1);
    }

    private static String streetPath(String estatePath, Map<String, RegionRef> regions) {
        for (int end = estatePath.indexOf('/'); end > 0; end = estatePath.indexOf('/', end + 1)) {
            RegionRef region = regions.get(estatePath.substring(0, end + 1));
            if (region != null && region.level() == RegionLevel.STREET) {
                return region.path();
            }
        }
        return "";
    }

    private static List<Row> group(List<EstateRow> rows, Function<EstateRow, String> key, Map<String, RegionRef> regions) {
        Map<String, List<EstateRow>> by = rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        return by.entrySet().stream().map(e -> {
            RegionRef region = regions.get(e.getKey());
            String name = region != null ? region.name() : e.getValue().size() == 1 ? e.getValue().get(0).estate().name() : e.getKey();
            return row(e.getKey(), region == null ? null : region.id(), name, e.getValue());
        }).sorted(java.util.Comparator.comparing(Row::name)).toList();
    }

    private static List<Row> groupBy(List<EstateRow> rows, Function<EstateRow, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> row(e.getKey(), null, e.getKey(), e.getValue())).toList();
    }

    private static Row row(String key, Long regionId, String name, List<EstateRow> rows) {
        List<BigDecimal> percents = rows.stream().filter(EstateRow::inspected).map(EstateRow::percent)
                .filter(java.util.Objects::nonNull).toList();
        BigDecimal average = percents.isEmpty() ? null : percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(percents.size()), 1, RoundingMode.HALF_UP);
        int inspected = (int) rows.stream().filter(EstateRow::inspected).count();
        int unqualified = (int) rows.stream().filter(e -> e.inspected() && !e.result().qualified()).count();
        return new Row(key, regionId, name, rows.size(), inspected, unqualified, average);
    }

    /** Scores in tenths of the maximum: [0,10), [10,20) … [90,100]. */
    private static int[] buckets(List<EstateRow> rows) {
        int[] buckets = new int[10];
        rows.stream().filter(EstateRow::inspected).map(EstateRow::percent).filter(java.util.Objects::nonNull)
                .forEach(p -> buckets[Math.min(9, p.intValue() / 10)]++);
        return buckets;
    }

    private static String array(List<Long> ids) {
        return "{" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}";
    }
}
