package com.estateguard.dailyreport.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.KeysetPage;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.dailyreport.ChainWitness;
import com.estateguard.dailyreport.ChainWitness.ChainHead;
import com.estateguard.dailyreport.ReportSection;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstatePlace;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily report of an estate (防疫日报): compiled from every {@link ReportSection}, reviewed and
 * submitted by the prevention administrator, late when the first submission comes after the
 * policy's deadline. Streets and districts read their estates' reports and the sum of them.
 */
@Service
public class DailyReports {

    private static final TypeReference<List<SectionFigures>> SECTIONS = new TypeReference<>() { };
    private static final TypeReference<List<ChainHead>> HEADS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final DailyReportRepository days;
    private final OrgDirectory org;
    private final Policies policies;
    private final List<ReportSection> sections;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectProvider<ChainWitness> witness;

    DailyReports(JdbcClient jdbc, DailyReportRepository days, OrgDirectory org, Policies policies, List<ReportSection> sections,
                 JsonMapper json, Clock clock, ZoneId zone, ObjectProvider<ChainWitness> witness) {
        this.jdbc = jdbc;
        this.days = days;
        this.org = org;
        this.policies = policies;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ReportSection::order)).toList();
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.witness = witness;
    }

    public record Submission(long id, Instant firstSubmittedAt, String submittedBy, Instant submittedAt, String note,
                             List<SectionFigures> sections, int version, List<ChainHead> chainHeads) {
    }

    /** A report as shown: the submitted figures once sent, the live ones before. */
    public record DailyReportView(EstateRef estate, LocalDate day, Instant deadline, ReportStatus status,
                              List<SectionFigures> sections, Submission submission) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public DailyReportView report(long estateId, LocalDate day, CurrentUser user) {
        EstateRef estate = org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
        return report(estate, day);
    }

    /** At most this many unsubmitted estates are compiled live for the combined figures; beyond it only submitted reports are summed. */
    public static final int LIVE_COMBINE_LIMIT = 50;

    /** One estate's line on the list: its status against its deadline and, once sent, who sent the latest submission. */
    public record StatusRow(EstateRef estate, Instant deadline, ReportStatus status, String submittedBy, Instant submittedAt) {
    }

    /**
     * The list page of a day for the reader's scope (issue 12 §3): the counts per status (kept per scope when its
     * estates share one deadline, {@link #boardInPathOrder}; else every estate's status from one read of the day's
     * {@code report_day} rows, {@link #boardPerEstate}; no report compiled for either), one page of estates in list order
     * (keyset by region path, name and id; optionally some statuses only) with their latest submission, and the combined
     * figures: the submitted reports summed in SQL, plus the live figures of the unsubmitted estates when there are
     * at most {@link #LIVE_COMBINE_LIMIT} of them ({@code liveIncluded}).
     */
    public record Board(LocalDate day, int estates, java.util.Map<ReportStatus, Integer> counts, KeysetPage<StatusRow> page,
                        List<SectionFigures> combined, int submitted, boolean liveIncluded) {

        public int count(ReportStatus status) {
            return counts.getOrDefault(status, 0);
        }

        public int late() {
            return count(ReportStatus.OVERDUE) + count(ReportStatus.SUBMITTED_LATE);
        }
    }

    /** An estate's status while the board is worked out: where it lies only, its full record read for the page's rows alone. */
    private record Line(EstatePlace estate, Instant deadline, ReportStatus status) {
    }

    public Board board(LocalDate day, CurrentUser user, ReportStatus only, String after, String before, int size) {
        return board(day, user.scopePath(), only == null ? null : java.util.EnumSet.of(only), after, before, size);
    }

    /**
     * The same for {@code area} (the reader's scope, or a region or estate inside it), its page showing the estates of
     * any of the statuses {@code only} (null: all), e.g. submitted on time or late: the list behind a cockpit number.
     */
    public Board board(LocalDate day, String area, java.util.Set<ReportStatus> only, String after, String before, int size) {
        String scope = com.estateguard.org.EstateScope.bind(area);
        Optional<SharedDeadline> shared = com.estateguard.org.EstateScope.isOneEstate(scope) ? Optional.empty() : sharedDeadline(scope, day);
        return shared.isPresent()
                ? boardInPathOrder(day, scope, shared.get().at(), only, after, before, size)
                : boardPerEstate(day, scope, only, after, before, size);
    }

    /** The deadline every estate of a scope has on a day ({@code at} null: none has a policy in force at the day's start). */
    record SharedDeadline(Instant at) {
    }

    /**
     * The deadline all the scope's estates share on the day, if they share one: the policy in force for the region at
     * the day's start and every version in force inside it give the same deadline (or none is in force anywhere in it).
     * A company's estates lie anywhere, so its scope is judged as the whole region tree's.
     */
    Optional<SharedDeadline> sharedDeadline(String scope, LocalDate day) {
        String region = scope.startsWith("R/") ? scope : "R/";
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        List<com.estateguard.policy.PolicyVersion> inside = policies.inForceInside(region, dayStart);
        com.estateguard.policy.PolicyVersion own;
        try {
            own = policies.inForce(region, dayStart);
        } catch (com.estateguard.policy.NoPolicyException e) {
            return inside.isEmpty() ? Optional.of(new SharedDeadline(null)) : Optional.empty();
        }
        Instant at = deadlineOf(own, day);
        return inside.stream().allMatch(v -> deadlineOf(v, day).equals(at)) ? Optional.of(new SharedDeadline(at)) : Optional.empty();
    }

    private Instant deadlineOf(com.estateguard.policy.PolicyVersion version, LocalDate day) {
        return day.atTime(version.parameters().group(DailyReportParameters.class).dailyReportDeadline()).atZone(zone).toInstant();
    }

    /**
     * The board of a region or company whose estates share one deadline (issue 12 §3, a city of 10,000 estates): the
     * counts from the scope's row of {@code report_scope_status} (kept at each first submission) and the scope's number
     * of estates, the estates not submitted being the difference; the page's estates read from SQL in list order
     * (keyset on region path, name and id, {@link com.estateguard.org.EstateScope#placesInPathOrder}) with their
     * {@code report_day} row, a status filter a condition on that row (none for those not submitted); the unsubmitted
     * estates compiled live read the same way when few. Gives what {@link #boardPerEstate} gives.
     */
    private Board boardInPathOrder(LocalDate day, String scope, Instant at, java.util.Set<ReportStatus> only, String after, String before,
                                   int size) {
        int estates = (int) org.countEstates(scope);
        long[] kept = new long[2];   // submitted, late
        boolean[] sameDeadline = {true};
        jdbc.sql("SELECT deadline_at, submitted, late FROM report_scope_status WHERE report_date = :d AND scope_path = :scope")
                .param("d", day).param("scope", scope)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    kept[0] += rs.getLong("submitted");
                    kept[1] += rs.getLong("late");
                    sameDeadline[0] &= at == null || rs.getTimestamp("deadline_at").toInstant().equals(at);
                });
        if (at != null && !sameDeadline[0]) {   // some were judged against another deadline: count the late ones against this one
            kept[1] = jdbc.sql("SELECT count(*) FROM report_day WHERE report_date = :d AND first_submitted_at > :at AND "
                            + com.estateguard.org.EstateScope.where("estate_id"))
                    .param("d", day).param("at", Timestamp.from(at)).param("scope", scope).query(Long.class).single();
        }
        int submitted = (int) kept[0];
        Instant now = clock.instant();
        ReportStatus unsentStatus = at == null || !now.isAfter(at) ? ReportStatus.DUE : ReportStatus.OVERDUE;
        java.util.Map<ReportStatus, Integer> counts = new java.util.EnumMap<>(ReportStatus.class);
        if (at == null) {
            counts.put(ReportStatus.SUBMITTED, submitted);
        } else {
            counts.put(ReportStatus.SUBMITTED, submitted - (int) kept[1]);
            counts.put(ReportStatus.SUBMITTED_LATE, (int) kept[1]);
        }
        counts.put(unsentStatus, estates - submitted);
        counts.values().removeIf(n -> n == 0);
        String condition = only == null ? "" : condition(only, unsentStatus, at);
        int shown = only == null ? estates : only.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
        KeysetPage<StatusRow> page = KeysetPage.read(after, before, 3, size, (cursor, backwards, limit) -> condition == null || shown == 0
                ? List.of()
                : withSubmitters(rows(inPathOrder(day, scope, at, now, condition, cursor, backwards, limit), scope), day),
                r -> KeysetPage.cursor(r.estate().regionPath(), r.estate().name(), r.estate().id()), () -> shown);
        List<List<SectionFigures>> parts = new java.util.ArrayList<>();
        parts.add(submittedSum(day, scope));
        boolean live = estates - submitted <= LIVE_COMBINE_LIMIT;
        if (live && estates > submitted) {
            compileLive(rows(inPathOrder(day, scope, at, now, " AND d.estate_id IS NULL", null, false, LIVE_COMBINE_LIMIT), scope),
                    day, parts);
        }
        return new Board(day, estates, counts, page, SectionFigures.combine(parts), submitted, live);
    }

    /**
     * The condition on the day's {@code report_day} row d of the estates of any of these statuses, when the scope's
     * estates share the deadline {@code at}; null when no estate of the scope can have any of them.
     */
    private static String condition(java.util.Set<ReportStatus> only, ReportStatus unsentStatus, Instant at) {
        List<String> any = new java.util.ArrayList<>();
        for (ReportStatus status : only) {
            if (status == unsentStatus) {
                any.add("d.estate_id IS NULL");
            } else if (status == ReportStatus.SUBMITTED) {
                any.add(at == null ? "d.estate_id IS NOT NULL" : "d.first_submitted_at <= :at");
            } else if (status == ReportStatus.SUBMITTED_LATE && at != null) {
                any.add("d.first_submitted_at > :at");
            }
        }
        return any.isEmpty() ? null : " AND (" + String.join(" OR ", any) + ")";
    }

    /** Estates of the scope in list order from a cursor, with their status on the day; {@code condition} on {@code report_day} d. */
    private List<Line> inPathOrder(LocalDate day, String scope, Instant at, Instant now, String condition, String[] cursor,
                                   boolean backwards, int limit) {
        String direction = backwards ? " DESC" : "";
        String seek = cursor == null ? ""
                : " AND (e.region_path COLLATE \"C\", e.name COLLATE \"C\", e.id) " + (backwards ? "<" : ">") + " (:path, :name, :id)";
        var sql = jdbc.sql("SELECT e.id, e.name, e.region_path, d.first_submitted_at FROM ("
                        + com.estateguard.org.EstateScope.placesInPathOrder(scope) + ") e"
                        + " LEFT JOIN report_day d ON d.estate_id = e.id AND d.report_date = :d WHERE true" + seek + condition
                        + " ORDER BY e.region_path COLLATE \"C\"" + direction + ", e.name COLLATE \"C\"" + direction + ", e.id" + direction
                        + " LIMIT :limit")
                .param("d", day).param("scope", scope).param("limit", limit);
        if (condition.contains(":at")) {
            sql = sql.param("at", Timestamp.from(at));
        }
        if (cursor != null) {
            sql = sql.param("path", cursor[0]).param("name", cursor[1]).param("id", Long.parseLong(cursor[2]));
        }
        return sql.query((rs, n) -> {
            Timestamp first = rs.getTimestamp("first_submitted_at");
            Instant sent = first == null ? null : first.toInstant();
            ReportStatus status = at == null ? (sent == null ? ReportStatus.DUE : ReportStatus.SUBMITTED) : ReportStatus.of(sent, at, now);
            return new Line(new EstatePlace(rs.getLong("id"), rs.getString("name"), rs.getString("region_path")), at, status);
        }).list();
    }

    /** The live figures of unsubmitted estates, added to the parts to combine; an estate without a policy that day adds none. */
    private void compileLive(List<StatusRow> unsent, LocalDate day, List<List<SectionFigures>> parts) {
        for (StatusRow r : unsent) {
            try {
                parts.add(compile(r.estate(), day));
            } catch (com.estateguard.policy.NoPolicyException e) {
                // no policy in force for the estate that day: nothing to compile against
            }
        }
    }

    /**
     * The board worked out estate by estate: every estate's place and the day's {@code report_day} rows read, each
     * status from the deadline of its region path, sorted and cut in memory. For a scope whose estates do not share one
     * deadline, and for one estate.
     */
    Board boardPerEstate(LocalDate day, String scope, java.util.Set<ReportStatus> only, String after, String before, int size) {
        List<EstatePlace> estates = new java.util.ArrayList<>(org.estatePlaces(scope));
        estates.sort(Comparator.comparing(EstatePlace::regionPath).thenComparing(EstatePlace::name).thenComparingLong(EstatePlace::id));
        java.util.Map<Long, Instant> first = new java.util.HashMap<>();
        jdbc.sql("SELECT estate_id, first_submitted_at FROM report_day WHERE report_date = :d AND "
                        + com.estateguard.org.EstateScope.where("estate_id"))
                .param("d", day).param("scope", scope)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> first.put(rs.getLong(1), rs.getTimestamp(2).toInstant()));
        Instant now = clock.instant();
        Deadlines deadlines = new Deadlines(day);
        List<Line> all = new java.util.ArrayList<>(estates.size());
        java.util.Map<ReportStatus, Integer> counts = new java.util.EnumMap<>(ReportStatus.class);
        for (EstatePlace e : estates) {
            Instant deadline = deadlines.of(e.regionPath());
            ReportStatus status = deadline == null   // no policy in force at the day's start: no deadline to be late against
                    ? (first.containsKey(e.id()) ? ReportStatus.SUBMITTED : ReportStatus.DUE)
                    : ReportStatus.of(first.get(e.id()), deadline, now);
            counts.merge(status, 1, Integer::sum);
            all.add(new Line(e, deadline, status));
        }
        List<Line> shown = only == null ? all : all.stream().filter(r -> only.contains(r.status())).toList();
        KeysetPage<StatusRow> page = KeysetPage.read(after, before, 3, size, (cursor, backwards, limit) -> {
            int at = cursor == null ? (backwards ? shown.size() : 0) : position(shown, cursor, backwards);
            List<Line> slice = backwards
                    ? new java.util.ArrayList<>(shown.subList(Math.max(0, at - limit), at))
                    : shown.subList(at, Math.min(shown.size(), at + limit));
            if (backwards) {
                java.util.Collections.reverse(slice);
            }
            return withSubmitters(rows(slice, scope), day);
        }, r -> KeysetPage.cursor(r.estate().regionPath(), r.estate().name(), r.estate().id()), () -> shown.size());
        List<List<SectionFigures>> parts = new java.util.ArrayList<>();
        parts.add(submittedSum(day, scope));
        List<Line> unsent = all.stream().filter(r -> !first.containsKey(r.estate().id())).toList();
        boolean live = unsent.size() <= LIVE_COMBINE_LIMIT;
        if (live) {
            compileLive(rows(unsent, scope), day, parts);
        }
        return new Board(day, estates.size(), counts, page, SectionFigures.combine(parts), first.size(), live);
    }

    /** The full records of a few estates (a page), in the lines' order. */
    private List<StatusRow> rows(List<Line> lines, String scope) {
        if (lines.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, EstateRef> refs = new java.util.HashMap<>();
        org.estatePage(scope, com.estateguard.org.EstateListFilter.only(lines.stream().map(l -> l.estate().id()).toList()), null, null,
                lines.size()).rows().forEach(e -> refs.put(e.id(), e));
        return lines.stream().filter(l -> refs.containsKey(l.estate().id()))
                .map(l -> new StatusRow(refs.get(l.estate().id()), l.deadline(), l.status(), null, null)).toList();
    }

    /** The day's deadline by the policy in force at the day's start, per region path. */
    private final class Deadlines {
        private final LocalDate day;
        private final java.util.Map<String, Instant> byPath = new java.util.HashMap<>();

        Deadlines(LocalDate day) {
            this.day = day;
        }

        /** The deadline's time of day per policy version: reading a version's group once, not once per estate. */
        private final java.util.Map<Long, java.time.LocalTime> byVersion = new java.util.HashMap<>();

        Instant of(String regionPath) {
            if (!byPath.containsKey(regionPath)) {
                Instant dayStart = day.atStartOfDay(zone).toInstant();
                Instant deadline;
                try {
                    var version = policies.inForce(regionPath, dayStart);
                    deadline = day.atTime(byVersion.computeIfAbsent(version.id(), id -> version.parameters()
                            .group(DailyReportParameters.class).dailyReportDeadline())).atZone(zone).toInstant();
                } catch (com.estateguard.policy.NoPolicyException e) {
                    deadline = null;   // no policy in force at the day's start
                }
                byPath.put(regionPath, deadline);
            }
            return byPath.get(regionPath);
        }
    }

    /** Where a cursor falls in the list's order (region path, name, id): the first row after it, or the first not before it going back. */
    private static int position(List<Line> rows, String[] cursor, boolean backwards) {
        long id = Long.parseLong(cursor[2]);
        for (int i = 0; i < rows.size(); i++) {
            EstatePlace e = rows.get(i).estate();
            int c = e.regionPath().compareTo(cursor[0]);
            if (c == 0) {
                c = e.name().compareTo(cursor[1]);
            }
            if (c == 0) {
                c = Long.compare(e.id(), id);
            }
            if (backwards ? c >= 0 : c > 0) {
                return i;
            }
        }
        return rows.size();
    }

    private List<StatusRow> withSubmitters(List<StatusRow> rows, LocalDate day) {
        List<Long> sent = rows.stream().filter(r -> r.status() == ReportStatus.SUBMITTED || r.status() == ReportStatus.SUBMITTED_LATE)
                .map(r -> r.estate().id()).toList();
        if (sent.isEmpty()) {
            return rows;
        }
        java.util.Map<Long, StatusRow> latest = new java.util.HashMap<>();
        java.util.Map<Long, StatusRow> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(r.estate().id(), r));
        jdbc.sql("""
                        SELECT DISTINCT ON (estate_id) estate_id, created_by, created_at FROM report_submission
                         WHERE report_date = :d AND estate_id IN (:ids) ORDER BY estate_id, id DESC""")
                .param("d", day).param("ids", sent)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    StatusRow r = byId.get(rs.getLong(1));
                    latest.put(r.estate().id(), new StatusRow(r.estate(), r.deadline(), r.status(), rs.getString(2),
                            rs.getTimestamp(3).toInstant()));
                });
        return rows.stream().map(r -> latest.getOrDefault(r.estate().id(), r)).toList();
    }

    /**
     * The latest submission of every estate in scope for the day, summed line by line: for a region or a company, its
     * row of {@code report_scope_total} (kept as reports are submitted, {@link #addToScopeTotals}); for one estate, its
     * own latest submission.
     */
    private List<SectionFigures> submittedSum(LocalDate day, String scope) {
        java.util.Map<String, java.util.List<com.estateguard.dailyreport.ReportLine>> sections = new java.util.LinkedHashMap<>();
        String sql = com.estateguard.org.EstateScope.isOneEstate(scope) ? """
                        SELECT sec.value->>'titleKey' AS title, line.value->>'labelKey' AS label, min(line.value->>'unitKey') AS unit,
                               sum((line.value->>'value')::numeric) AS total
                          FROM (SELECT DISTINCT ON (s.estate_id) s.sections FROM report_submission s
                                 WHERE s.report_date = :d AND\s""" + com.estateguard.org.EstateScope.where("s.estate_id") + """

                                 ORDER BY s.estate_id, s.id DESC) r
                         CROSS JOIN LATERAL jsonb_array_elements(r.sections) WITH ORDINALITY AS sec(value, n)
                         CROSS JOIN LATERAL jsonb_array_elements(sec.value->'lines') WITH ORDINALITY AS line(value, n)
                         GROUP BY 1, 2 ORDER BY min(sec.n), min(line.n)"""
                : """
                        SELECT title_key AS title, label_key AS label, unit_key AS unit, total FROM report_scope_total
                         WHERE report_date = :d AND scope_path = :scope AND estates > 0 ORDER BY section_no, line_no, title_key, label_key""";
        jdbc.sql(sql).param("d", day).param("scope", scope)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sections
                        .computeIfAbsent(rs.getString("title"), k -> new java.util.ArrayList<>())
                        .add(new com.estateguard.dailyreport.ReportLine(rs.getString("label"), rs.getBigDecimal("total"),
                                rs.getString("unit"))));
        List<SectionFigures> figures = new java.util.ArrayList<>();
        sections.forEach((title, lines) -> figures.add(new SectionFigures(title, List.copyOf(lines))));
        return figures;
    }

    /**
     * A submission's lines added to the sums of every region and company above the estate, and the lines of the
     * submission it supersedes taken away, in the submission's transaction. Rows are written in key order, so two
     * estates' submissions at once lock the shared rows (the city's) in the same order and the second waits briefly.
     */
    private void addToScopeTotals(EstateRef estate, LocalDate day, List<SectionFigures> now, List<SectionFigures> before) {
        java.util.Map<List<String>, Object[]> lines = new java.util.LinkedHashMap<>();   // (title, label) → unit, section, line, total, estates
        java.util.function.BiConsumer<List<SectionFigures>, Integer> add = (sections, sign) -> {
            for (int n = 0; n < sections.size(); n++) {
                SectionFigures section = sections.get(n);
                for (int m = 0; m < section.lines().size(); m++) {
                    var line = section.lines().get(m);
                    Object[] row = lines.computeIfAbsent(List.of(section.titleKey(), line.labelKey()),
                            k -> new Object[] {"", Integer.MAX_VALUE, Integer.MAX_VALUE, java.math.BigDecimal.ZERO, 0});
                    if (sign > 0) {
                        row[0] = line.unitKey() == null ? "" : line.unitKey();
                        row[1] = Math.min((Integer) row[1], n + 1);
                        row[2] = Math.min((Integer) row[2], m + 1);
                    }
                    java.math.BigDecimal value = line.value() == null ? java.math.BigDecimal.ZERO : line.value();
                    row[3] = ((java.math.BigDecimal) row[3]).add(sign > 0 ? value : value.negate());
                    row[4] = (Integer) row[4] + sign;
                }
            }
        };
        add.accept(now, 1);
        add.accept(before, -1);
        if (lines.isEmpty()) {
            return;
        }
        List<String> titles = new java.util.ArrayList<>();
        List<String> labels = new java.util.ArrayList<>();
        List<String> units = new java.util.ArrayList<>();
        List<Integer> sectionNos = new java.util.ArrayList<>();
        List<Integer> lineNos = new java.util.ArrayList<>();
        List<java.math.BigDecimal> totals = new java.util.ArrayList<>();
        List<Integer> counts = new java.util.ArrayList<>();
        lines.forEach((key, row) -> {
            titles.add(key.get(0));
            labels.add(key.get(1));
            units.add((String) row[0]);
            sectionNos.add((Integer) row[1] == Integer.MAX_VALUE ? 0 : (Integer) row[1]);
            lineNos.add((Integer) row[2] == Integer.MAX_VALUE ? 0 : (Integer) row[2]);
            totals.add((java.math.BigDecimal) row[3]);
            counts.add((Integer) row[4]);
        });
        jdbc.sql("""
                        INSERT INTO report_scope_total AS t (report_date, scope_path, title_key, label_key, unit_key, section_no, line_no,
                                                            total, estates)
                        SELECT :d, p.scope_path, l.title, l.label, l.unit, l.section_no, l.line_no, l.total, l.estates
                          FROM unnest(cast(:scopes AS text[])) AS p(scope_path)
                         CROSS JOIN unnest(cast(:titles AS text[]), cast(:labels AS text[]), cast(:units AS text[]),
                                           cast(:sections AS int[]), cast(:lines AS int[]), cast(:totals AS numeric[]),
                                           cast(:counts AS int[])) AS l(title, label, unit, section_no, line_no, total, estates)
                         ORDER BY p.scope_path, l.title, l.label
                        ON CONFLICT (report_date, scope_path, title_key, label_key) DO UPDATE
                           SET total = t.total + excluded.total, estates = t.estates + excluded.estates,
                               unit_key = CASE WHEN excluded.estates > 0 OR t.unit_key = '' THEN excluded.unit_key ELSE t.unit_key END,
                               section_no = least(t.section_no, excluded.section_no), line_no = least(t.line_no, excluded.line_no)""")
                .param("d", day).param("scopes", com.estateguard.org.EstateScope.enclosing(estate.regionPath(), estate.companyPath())
                        .toArray(String[]::new))
                .param("titles", titles.toArray(String[]::new)).param("labels", labels.toArray(String[]::new))
                .param("units", units.toArray(String[]::new)).param("sections", sectionNos.toArray(Integer[]::new))
                .param("lines", lineNos.toArray(Integer[]::new)).param("totals", totals.toArray(java.math.BigDecimal[]::new))
                .param("counts", counts.toArray(Integer[]::new)).update();
    }

    /**
     * A first submission counted under every region and company above the estate, under the deadline it was judged
     * against ({@code report_scope_status}, V211), in the submission's transaction and in key order (as
     * {@link #addToScopeTotals}); a resubmission changes no count, as it changes no status.
     */
    private void addToScopeStatus(EstateRef estate, LocalDate day, Instant deadline, boolean late) {
        jdbc.sql("""
                        INSERT INTO report_scope_status AS t (report_date, scope_path, deadline_at, submitted, late)
                        SELECT :d, p.scope_path, :deadline, 1, :late FROM unnest(cast(:scopes AS text[])) AS p(scope_path)
                         ORDER BY p.scope_path
                        ON CONFLICT (report_date, scope_path, deadline_at) DO UPDATE
                           SET submitted = t.submitted + 1, late = t.late + excluded.late""")
                .param("d", day).param("deadline", Timestamp.from(deadline)).param("late", late ? 1 : 0)
                .param("scopes", com.estateguard.org.EstateScope.enclosing(estate.regionPath(), estate.companyPath())
                        .toArray(String[]::new)).update();
    }

    private DailyReportView report(EstateRef estate, LocalDate day) {
        Instant deadline = deadline(estate, day);
        Optional<Submission> sent = submission(estate.id(), day);
        ReportStatus status = ReportStatus.of(sent.map(Submission::firstSubmittedAt).orElse(null), deadline, clock.instant());
        return new DailyReportView(estate, day, deadline, status, sent.map(Submission::sections).orElseGet(() -> compile(estate, day)),
                sent.orElse(null));
    }

    public List<SectionFigures> compile(EstateRef estate, LocalDate day) {
        return sections.stream().map(s -> new SectionFigures(s.titleKey(), s.lines(estate, day))).toList();
    }

    Instant deadline(EstateRef estate, LocalDate day) {
        return deadline(estate.regionPath(), day);
    }

    private Instant deadline(String regionPath, LocalDate day) {
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        return day.atTime(policies.inForce(regionPath, dayStart).parameters()
                        .group(DailyReportParameters.class).dailyReportDeadline())
                .atZone(zone).toInstant();
    }

    /**
     * Freezes the figures as compiled now; sending again supersedes the previous submission.
     * {@code seen} is how many submissions the sender saw (null: not said); if someone else
     * submitted since, nothing is sent. The submission carries the heads of the day's evidence
     * chains, sealed just before, as the authority's witness against a later rewrite.
     */
    @Transactional
    public long submit(long estateId, LocalDate day, String note, Integer seen, CurrentUser user) {
        EstateRef estate = org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("report.error.note");
        }
        DailyReport report = days.findByEstateIdAndReportDate(estateId, day).orElseGet(() -> DailyReport.unsubmitted(estateId, day));
        report.submit(today(), clock.instant(), seen);
        save(report);
        Instant deadline = deadline(estate, day);
        if (report.submissions() == 1) {
            addToScopeStatus(estate, day, deadline, report.lateAgainst(deadline));
        }
        Optional<Submission> previous = submission(estateId, day);
        List<ChainHead> heads = witness.getIfAvailable(() -> (e, d) -> List.of()).sealAndHeads(estateId, day);
        List<SectionFigures> sections = compile(estate, day);
        long id = jdbc.sql("""
                        INSERT INTO report_submission (estate_id, report_date, sections, note, deadline_at, late, supersedes_id,
                                                       chain_heads, created_at, created_by)
                        VALUES (:e, :d, cast(:s AS jsonb), :note, :deadline, :late, :prev, cast(:heads AS jsonb), :now, :by) RETURNING id""")
                .param("e", estateId).param("d", day).param("s", json.writeValueAsString(sections))
                .param("note", note == null || note.isBlank() ? null : note.trim()).param("deadline", Timestamp.from(deadline))
                .param("late", report.lateAgainst(deadline)).param("prev", previous.map(Submission::id).orElse(null))
                .param("heads", json.writeValueAsString(heads))
                .param("now", Timestamp.from(clock.instant())).param("by", user.actor()).query(Long.class).single();
        addToScopeTotals(estate, day, sections, previous.map(Submission::sections).orElse(List.of()));
        return id;
    }

    /** Two submissions at once: the second to save finds the row changed (or, for the first of the day, taken). */
    private void save(DailyReport report) {
        try {
            days.save(report);
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw new ReportAlreadySubmitted();
        }
    }

    private Optional<Submission> submission(long estateId, LocalDate day) {
        return jdbc.sql("""
                        SELECT s.id, s.created_by, s.created_at, s.note, s.sections::text AS sections, s.chain_heads::text AS heads,
                               min(s.created_at) OVER () AS first_at, count(*) OVER () AS versions
                          FROM report_submission s WHERE s.estate_id = :e AND s.report_date = :d ORDER BY s.id DESC LIMIT 1""")
                .param("e", estateId).param("d", day)
                .query((rs, i) -> new Submission(rs.getLong("id"), rs.getTimestamp("first_at").toInstant(), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("note"),
                        json.readValue(rs.getString("sections"), SECTIONS), rs.getInt("versions"),
                        rs.getString("heads") == null ? List.of() : json.readValue(rs.getString("heads"), HEADS)))
                .optional();
    }
}
