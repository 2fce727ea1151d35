package com.estateguard.staff.internal;

import com.estateguard.common.KeysetPage;
import com.estateguard.org.EstateListFilter;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff health ledger's list for a street, district or city (issue 12 §3): the scope's estates a page at a time
 * (keyset, {@link OrgDirectory#estatePage}) with each one's readings of the day, and the day's figures for the whole
 * scope from one grouped statement. The latest reading of each person at an estate decides, as on the daily report.
 */
@Service
@Transactional(readOnly = true)
public class StaffHealthBoard {

    /** Each person's latest reading of the day at each estate in scope ({@code extra}: a further condition on {@code h}). */
    private static String latest(String extra) {
        return """
                SELECT DISTINCT ON (h.estate_id, h.user_id) h.estate_id, h.eligible FROM stf_health h
                 WHERE h.day = :d AND\s""" + EstateScope.where("h.estate_id") + extra + """

                 ORDER BY h.estate_id, h.user_id, h.id DESC""";
    }

    /** An estate's line: people with a reading that day and those unfit for duty by their latest one. */
    public record Line(EstateRef estate, long readers, long unfit) {
    }

    /** The scope's day: people with a reading, unfit people, and the estates they are at. */
    public record Summary(long readers, long unfit, long unfitEstates) {
    }

    public record Board(LocalDate day, Summary summary, KeysetPage<Line> page) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    StaffHealthBoard(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /**
     * The board of {@code area} (the reader's scope, or a region inside it); {@code estate}: only that one (the picker's
     * choice); {@code unfitOnly}: only estates with someone unfit that day.
     */
    public Board board(String area, LocalDate day, Long estate, boolean unfitOnly, String after, String before, int size) {
        String scope = EstateScope.bind(area);
        List<Long> only = estate == null ? null : List.of(estate);
        if (unfitOnly) {
            List<Long> unfit = jdbc.sql("SELECT estate_id FROM (" + latest("") + ") latest WHERE NOT eligible GROUP BY estate_id")
                    .param("d", day).param("scope", scope).query(Long.class).list();
            only = only == null ? unfit : unfit.stream().filter(only::contains).toList();
        }
        KeysetPage<EstateRef> estates = org.estatePage(scope, EstateListFilter.only(only), after, before, size);
        Map<Long, long[]> figures = lines(estates.rows(), day, scope);
        List<Line> lines = new ArrayList<>();
        for (EstateRef e : estates.rows()) {
            long[] f = figures.getOrDefault(e.id(), new long[2]);
            lines.add(new Line(e, f[0], f[1]));
        }
        return new Board(day, summary(day, scope),
                new KeysetPage<>(lines, estates.previous(), estates.next(), estates.counted(), estates.more()));
    }

    private Summary summary(LocalDate day, String scope) {
        var row = jdbc.sql("SELECT count(*) AS readers, count(*) FILTER (WHERE NOT eligible) AS unfit,"
                        + " count(DISTINCT estate_id) FILTER (WHERE NOT eligible) AS estates FROM (" + latest("") + ") latest")
                .param("d", day).param("scope", scope).query().singleRow();
        return new Summary(((Number) row.get("readers")).longValue(), ((Number) row.get("unfit")).longValue(),
                ((Number) row.get("estates")).longValue());
    }

    private Map<Long, long[]> lines(List<EstateRef> estates, LocalDate day, String scope) {
        Map<Long, long[]> figures = new HashMap<>();
        if (estates.isEmpty()) {
            return figures;
        }
        jdbc.sql("SELECT estate_id, count(*), count(*) FILTER (WHERE NOT eligible) FROM (" + latest(" AND h.estate_id = ANY(:ids)")
                        + ") latest GROUP BY estate_id")
                .param("d", day).param("scope", scope).param("ids", estates.stream().map(EstateRef::id).toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> figures.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}));
        return figures;
    }
}
