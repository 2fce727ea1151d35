package com.estateguard.hygiene.internal;

import com.estateguard.common.KeysetPage;
import com.estateguard.org.EstateListFilter;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disinfection compliance of a street's, district's or city's estates on a day (区域消毒消杀一览, issue 12 §3): one
 * statement reads a page of the scope's estates in (region path, name, id) order by keyset
 * ({@link EstateScope#placesInPathOrder}) with each one's tasks of the day and the verdict of their latest records,
 * judged as the estate's own board judges them ({@link TaskState}). A page costs the same for a street and for a city's 10,000
 * estates. Reads only: the day's tasks are made by {@link HygieneTasks}, never by a view.
 */
@Service
@Transactional(readOnly = true)
public class RegionHygieneBoard {

    /**
     * Each estate's tasks of the day counted by state, as {@link TaskState#of} decides it from the verdict of the task's
     * latest record (kept on the task, V220).
     */
    private static final String FIGURES = """
            CROSS JOIN LATERAL (
              SELECT count(*) AS tasks, count(t.latest_compliant) AS done, count(*) FILTER (WHERE t.latest_compliant) AS compliant,
                     count(*) FILTER (WHERE t.latest_compliant IS NULL AND NOT :dayOver AND t.due_at < :now) AS overdue,
                     count(*) FILTER (WHERE t.latest_compliant IS NULL AND :dayOver) AS missed
                FROM hyg_task t WHERE t.estate_id = e.id AND t.task_date = :day) f""";

    /**
     * An estate with a task not met that day: done but not compliant, or not done though due (every task of a day gone
     * by was due before its end). Two partial indexes hold only such tasks (V220); as an OR the two stay filters on the
     * estates read in list order, so a page stops at its 51st estate.
     */
    private static final String NOT_MET = """
            AND (EXISTS (SELECT 1 FROM hyg_task n WHERE n.task_date = :day AND n.estate_id = e.id AND n.latest_compliant = false)
                 OR EXISTS (SELECT 1 FROM hyg_task n WHERE n.task_date = :day AND n.estate_id = e.id AND n.latest_compliant IS NULL
                                                       AND n.due_at < :now))""";

    /** What the list is narrowed to: a text in the estate's name (blank: any); only estates with a task not met. */
    public record Filter(String text, boolean shortfallsOnly) {

        public Filter {
            text = text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** An estate's line: where it lies and its day's compliance. */
    public record Row(EstateRef estate, DayCompliance compliance) {
    }

    private record Line(long id, String name, String regionPath, DayCompliance compliance) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    RegionHygieneBoard(JdbcClient jdbc, OrgDirectory org, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    /** A page of the estates under {@code area} (the reader's scope, or a region of it: {@link ListScope}). */
    public KeysetPage<Row> page(ListScope area, LocalDate day, Filter filter, String after, String before, int size) {
        String scope = EstateScope.bind(area.path());
        Instant now = clock.instant();
        boolean dayOver = TaskState.dayOver(day, now, zone);
        KeysetPage<Line> lines = KeysetPage.read(after, before, 3, size,
                (cursor, backwards, limit) -> lines(scope, day, now, dayOver, filter, cursor, backwards, limit),
                l -> KeysetPage.cursor(l.regionPath(), l.name(), l.id()),
                () -> count(scope, day, now, dayOver, filter));
        return new KeysetPage<>(rows(lines.rows(), scope), lines.previous(), lines.next(), lines.counted(), lines.more());
    }

    private List<Line> lines(String scope, LocalDate day, Instant now, boolean dayOver, Filter filter, String[] cursor,
                             boolean backwards, int limit) {
        String direction = backwards ? " DESC" : "";
        String seek = cursor == null ? ""
                : " AND (e.region_path COLLATE \"C\", e.name COLLATE \"C\", e.id) " + (backwards ? "<" : ">") + " (:path, :name, :id)";
        var sql = jdbc.sql("SELECT e.id, e.name, e.region_path, f.* FROM (" + EstateScope.placesInPathOrder(scope) + ") e\n"
                        + FIGURES + "\nWHERE true" + conditions(filter) + seek
                        + " ORDER BY e.region_path COLLATE \"C\"" + direction + ", e.name COLLATE \"C\"" + direction + ", e.id" + direction
                        + " LIMIT :limit")
                .param("limit", limit);
        if (cursor != null) {
            sql = sql.param("path", cursor[0]).param("name", cursor[1]).param("id", Long.parseLong(cursor[2]));
        }
        return bind(sql, scope, day, now, dayOver, filter).query((rs, n) -> new Line(rs.getLong("id"), rs.getString("name"),
                rs.getString("region_path"), new DayCompliance(rs.getInt("tasks"), rs.getInt("done"), rs.getInt("compliant"),
                rs.getInt("overdue"), rs.getInt("missed")))).list();
    }

    /** The estates the filter selects, counted up to the cap; without a filter the scope's count. */
    private long count(String scope, LocalDate day, Instant now, boolean dayOver, Filter filter) {
        if (filter.text() == null && !filter.shortfallsOnly()) {
            return org.countEstates(scope);
        }
        return bind(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM (" + EstateScope.placesInPathOrder(scope) + ") e"
                        + "\nWHERE true" + conditions(filter) + " LIMIT " + (KeysetPage.COUNT_CAP + 1) + ") capped"),
                scope, day, now, dayOver, filter).query(Long.class).single();
    }

    private static String conditions(Filter filter) {
        return (filter.text() == null ? "" : " AND strpos(e.name, :text) > 0")
                + (filter.shortfallsOnly() ? " " + NOT_MET : "");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, String scope, LocalDate day, Instant now,
                                                 boolean dayOver, Filter filter) {
        sql = sql.param("scope", scope).param("day", day).param("now", Timestamp.from(now)).param("dayOver", dayOver);
        return filter.text() == null ? sql : sql.param("text", filter.text());
    }

    /** The page's estates with their community and company, read by id in one statement; their order kept. */
    private List<Row> rows(List<Line> lines, String scope) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<Long, EstateRef> refs = new HashMap<>();
        org.estatePage(scope, EstateListFilter.only(lines.stream().map(Line::id).toList()), null, null, lines.size())
                .rows().forEach(e -> refs.put(e.id(), e));
        return lines.stream().filter(l -> refs.containsKey(l.id())).map(l -> new Row(refs.get(l.id()), l.compliance())).toList();
    }
}
