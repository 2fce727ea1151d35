package com.estateguard.cockpit.internal;

import com.estateguard.org.EstateScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the roll-ups, never the raw records: every read is cut to a scope in SQL (org.EstateScope). */
@Repository
class CockpitFigures {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CockpitFigures(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** Each estate's figures of the period [from, to) (checks) and of the day (ledgers), by estate id. */
    Map<Long, Map<String, Long>> byEstate(String scope, Instant from, Instant to, LocalDate day) {
        Map<Long, Map<String, Long>> figures = new HashMap<>();
        RowCallbackHandler add = rs -> figures.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .merge(rs.getString(2), rs.getLong(3), Long::sum);
        jdbc.sql("SELECT estate_id, figure, sum(n) FROM cockpit_check_hour WHERE hour >= :from AND hour < :to AND "
                        + EstateScope.where("estate_id") + " GROUP BY estate_id, figure")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("scope", EstateScope.bind(scope))
                .query(add);
        jdbc.sql("SELECT estate_id, figure, n FROM cockpit_day_figure WHERE day = :day AND " + EstateScope.where("estate_id"))
                .param("day", day).param("scope", EstateScope.bind(scope)).query(add);
        return figures;
    }

    /**
     * Regions' figures of the period [from, to) (checks) and of the day (ledgers), by region path, from the sums
     * kept per region (tens of rows for a city); each path must lie in {@code scope}.
     */
    Map<String, Map<String, Long>> byRegion(String scope, List<String> regionPaths, Instant from, Instant to, LocalDate day) {
        Map<String, Map<String, Long>> figures = new HashMap<>();
        RowCallbackHandler add = rs -> figures.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .merge(rs.getString(2), rs.getLong(3), Long::sum);
        String paths = regionPaths.stream().map(p -> '"' + p + '"').collect(java.util.stream.Collectors.joining(",", "{", "}"));
        jdbc.sql("SELECT region_path, figure, sum(n) FROM cockpit_region_check_hour WHERE region_path = ANY(cast(:paths AS text[]))"
                        + " AND hour >= :from AND hour < :to AND " + EstateScope.regionWhere("region_path") + " GROUP BY 1, 2")
                .param("paths", paths).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("scope", EstateScope.bind(scope)).query(add);
        jdbc.sql("SELECT region_path, figure, n FROM cockpit_region_day_figure WHERE region_path = ANY(cast(:paths AS text[]))"
                        + " AND day = :day AND " + EstateScope.regionWhere("region_path"))
                .param("paths", paths).param("day", day).param("scope", EstateScope.bind(scope)).query(add);
        return figures;
    }

    /** A region's check figures per local hour of [from, to), from the sums kept per region. */
    Map<LocalDateTime, Map<String, Long>> regionOverTime(String regionPath, Instant from, Instant to) {
        Map<LocalDateTime, Map<String, Long>> series = new TreeMap<>();
        jdbc.sql("SELECT date_trunc('hour', hour AT TIME ZONE :zone) AS t, figure, sum(n) FROM cockpit_region_check_hour"
                        + " WHERE region_path = :path AND hour >= :from AND hour < :to AND " + EstateScope.regionWhere("region_path")
                        + " GROUP BY 1, 2")
                .param("zone", zone.getId()).param("path", regionPath).param("scope", EstateScope.bind(regionPath))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((RowCallbackHandler) rs -> series.computeIfAbsent(rs.getObject(1, LocalDateTime.class), k -> new HashMap<>())
                        .merge(rs.getString(2), rs.getLong(3), Long::sum));
        return series;
    }

    /** The scope's check figures per local hour (or day, {@code byDay}) of [from, to), in time order. */
    Map<LocalDateTime, Map<String, Long>> overTime(String scope, Instant from, Instant to, boolean byDay) {
        Map<LocalDateTime, Map<String, Long>> series = new TreeMap<>();
        jdbc.sql("SELECT date_trunc(:unit, hour AT TIME ZONE :zone) AS t, figure, sum(n) FROM cockpit_check_hour"
                        + " WHERE hour >= :from AND hour < :to AND " + EstateScope.where("estate_id") + " GROUP BY 1, 2")
                .param("unit", byDay ? "day" : "hour").param("zone", zone.getId())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("scope", EstateScope.bind(scope))
                .query((RowCallbackHandler) rs -> series.computeIfAbsent(rs.getObject(1, LocalDateTime.class), k -> new HashMap<>())
                        .merge(rs.getString(2), rs.getLong(3), Long::sum));
        return series;
    }

    /** The ledgers' figures of one estate per day of [from, to]. */
    Map<LocalDate, Map<String, Long>> dayFigures(long estateId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        jdbc.sql("SELECT day, figure, n FROM cockpit_day_figure WHERE estate_id = :e AND day BETWEEN :from AND :to")
                .param("e", estateId).param("from", from).param("to", to)
                .query((RowCallbackHandler) rs -> days.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getLong(3)));
        return days;
    }

    /** One estate's check figures per hour, as kept (the recount test compares them with the raw records). */
    List<Map.Entry<String, Long>> keptHours(long estateId) {
        return jdbc.sql("SELECT hour, figure, n FROM cockpit_check_hour WHERE estate_id = :e AND n <> 0 ORDER BY hour, figure")
                .param("e", estateId)
                .query((rs, i) -> Map.entry(rs.getTimestamp(1).toInstant() + " " + rs.getString(2), rs.getLong(3))).list();
    }
}
