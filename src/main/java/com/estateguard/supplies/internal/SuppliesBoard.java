package com.estateguard.supplies.internal;

import com.estateguard.cockpit.TodayFigures;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.KeysetPage;
import com.estateguard.org.EstateListFilter;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.NoPolicyException;
import com.estateguard.policy.Policies;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplies ledger's list for a street, district or city (issue 12 §3): the scope's estates a page at a time (keyset,
 * {@link OrgDirectory#estatePage}), each with its items and how many are below the policy's cover today, computed for
 * the page's estates in one grouped statement per cover window; the scope's items below cover from the cockpit's
 * roll-ups ({@link TodayFigures}), not from every estate's movements.
 */
@Service
@Transactional(readOnly = true)
public class SuppliesBoard {

    /** An estate's line; {@code belowCover} null when no policy is in force for it (no cover to fall below). */
    public record Line(EstateRef estate, int items, Integer belowCover) {
    }

    /** {@code belowCover}: items below cover in the whole scope as the cockpit last counted them; null when it keeps none for the user. */
    public record Board(LocalDate day, Long belowCover, KeysetPage<Line> page) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Policies policies;
    private final TodayFigures today;
    private final Clock clock;
    private final ZoneId zone;

    SuppliesBoard(JdbcClient jdbc, OrgDirectory org, Policies policies, TodayFigures today, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.policies = policies;
        this.today = today;
        this.clock = clock;
        this.zone = zone;
    }

    /** The board of {@code area}: the user's scope, or a region inside it (its total then the region's). */
    public Board board(CurrentUser user, ListScope area, Long estate, String after, String before, int size) {
        String scope = EstateScope.bind(area.path());
        LocalDate day = LocalDate.now(clock.withZone(zone));
        KeysetPage<EstateRef> estates = org.estatePage(scope, estate == null ? EstateListFilter.ALL : EstateListFilter.only(List.of(estate)),
                after, before, size);
        List<Line> lines = lines(estates.rows(), day);
        Long below = today.of(user, area.regionId()).map(f -> f.get("SUPPLY.BELOW_COVER")).orElse(null);
        return new Board(day, below, new KeysetPage<>(lines, estates.previous(), estates.next(), estates.counted(), estates.more()));
    }

    /** As {@link Supplies#stock}: the stock at the day's end against the use over the policy's window, per item. */
    private List<Line> lines(List<EstateRef> estates, LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant at = end.isAfter(clock.instant()) ? clock.instant() : end;
        Map<SupplyParameters, List<Long>> byPolicy = new LinkedHashMap<>();
        for (EstateRef e : estates) {
            try {
                byPolicy.computeIfAbsent(policies.inForce(e.regionPath(), at).parameters().group(SupplyParameters.class),
                        p -> new ArrayList<>()).add(e.id());
            } catch (NoPolicyException ex) {
                // listed without a cover figure
            }
        }
        Map<Long, int[]> figures = new HashMap<>();
        byPolicy.forEach((policy, ids) -> count(policy, ids, day, end, figures));
        Map<Long, Integer> items = itemCounts(estates);
        List<Line> lines = new ArrayList<>();
        for (EstateRef e : estates) {
            int[] f = figures.get(e.id());
            lines.add(new Line(e, items.getOrDefault(e.id(), 0), f == null ? null : f[0]));
        }
        return lines;
    }

    private void count(SupplyParameters policy, List<Long> estates, LocalDate day, Instant end, Map<Long, int[]> figures) {
        Instant windowStart = day.plusDays(1 - policy.consumptionWindowDays()).atStartOfDay(zone).toInstant();
        estates.forEach(id -> figures.put(id, new int[1]));
        jdbc.sql("""
                        SELECT i.estate_id,
                               coalesce(sum(CASE m.direction WHEN 'IN' THEN m.quantity ELSE -m.quantity END), 0) AS stock,
                               coalesce(sum(m.quantity) FILTER (WHERE m.direction = 'OUT' AND m.occurred_at >= :from), 0) AS used
                          FROM sup_item i LEFT JOIN sup_movement m ON m.item_id = i.id AND m.occurred_at < :end
                         WHERE i.estate_id = ANY(:ids)
                         GROUP BY i.estate_id, i.id""")
                .param("ids", estates.toArray(Long[]::new)).param("from", Timestamp.from(windowStart)).param("end", Timestamp.from(end))
                .query((RowCallbackHandler) rs -> {
                    BigDecimal stock = rs.getBigDecimal("stock");
                    if (DaysOfCover.of(stock, rs.getBigDecimal("used"), policy.consumptionWindowDays(), policy.supplyCoverDays()).belowCover()) {
                        figures.get(rs.getLong("estate_id"))[0]++;
                    }
                });
    }

    private Map<Long, Integer> itemCounts(List<EstateRef> estates) {
        Map<Long, Integer> items = new HashMap<>();
        if (!estates.isEmpty()) {
            jdbc.sql("SELECT estate_id, count(*) FROM sup_item WHERE estate_id = ANY(:ids) GROUP BY estate_id")
                    .param("ids", estates.stream().map(EstateRef::id).toArray(Long[]::new))
                    .query((RowCallbackHandler) rs -> items.put(rs.getLong(1), rs.getInt(2)));
        }
        return items;
    }
}
