package com.estateguard.supervision.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.KeysetPage;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateScope;
import com.estateguard.supervision.RecordFigure;
import com.estateguard.supervision.TemplateId;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.YesNoNa;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Inspections as the pages show them: a list in the user's scope and one inspection whole. */
@Service
public class InspectionQueries {

    /** A row of the list. */
    public record Row(long id, long estateId, String estateName, String templateName, int templateVersion, String kind,
                      String inspectorName, Instant submittedAt, BigDecimal score, BigDecimal maxScore, BigDecimal passMark,
                      boolean qualified, int failed, int flagged, Long correctsId, Long correctedBy) {
    }

    /** One item as entered, with the records shown beside it when it was submitted. */
    public record Line(TemplateItem item, BigDecimal entered, YesNoNa answer, BigDecimal score, boolean failed, String note,
                       BigDecimal recordShare, List<RecordFigure> figures, boolean flagged, List<Long> photoIds) {
    }

    /** An inspection whole. */
    public record Detail(InspectionService.Header header, Templates.Summary template, List<Line> lines, List<Long> photoIds) {
    }

    private final JdbcClient jdbc;
    private final InspectionService inspections;
    private final Templates templates;
    private final JsonMapper json;

    InspectionQueries(JdbcClient jdbc, InspectionService inspections, Templates templates, JsonMapper json) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.templates = templates;
        this.json = json;
    }

    /**
     * What the list is narrowed to: {@code q} matches the estate's name; {@code from}/{@code to} (either may be null) the
     * submission time, from inclusive, to exclusive; without {@code corrections}, correction records are left out (each
     * inspection counted once, as the cockpit's "inspected" figure counts).
     */
    public record Filter(String q, Boolean qualified, Long estateId, Instant from, Instant to, boolean corrections) {
    }

    /**
     * One page of the inspections in {@code scope} (the user's, or a region inside it) as filtered, newest first by
     * keyset on (submitted at, id) (issue 12 §3): a cursor instead of an OFFSET, and the count stopped at the cap.
     */
    public KeysetPage<Row> list(Filter filter, String scope, String after, String before, int size) {
        String q = filter.q();
        Boolean qualified = filter.qualified();
        Long estateId = filter.estateId();
        String where = " WHERE " + EstateScope.where("i.estate_id")
                + (q == null || q.isBlank() ? "" : " AND e.name ILIKE '%' || :q || '%'")
                + (qualified == null ? "" : " AND i.qualified = :qualified")
                + (estateId == null ? "" : " AND i.estate_id = :estate")
                + (filter.from() == null ? "" : " AND i.submitted_at >= :from")
                + (filter.to() == null ? "" : " AND i.submitted_at < :to")
                + (filter.corrections() ? "" : " AND i.corrects_id IS NULL");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", EstateScope.bind(scope));
        if (filter.from() != null) {
            params.put("from", java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            params.put("to", java.sql.Timestamp.from(filter.to()));
        }
        if (q != null && !q.isBlank()) {
            params.put("q", q.strip());
        }
        if (qualified != null) {
            params.put("qualified", qualified);
        }
        if (estateId != null) {
            params.put("estate", estateId);
        }
        return KeysetPage.read(after, before, 2, size, (cursor, backwards, limit) -> {
            Map<String, Object> p = new HashMap<>(params);
            p.put("limit", limit);
            String seek = "";
            if (cursor != null) {
                seek = backwards ? " AND (i.submitted_at, i.id) > (:at, :id)" : " AND (i.submitted_at, i.id) < (:at, :id)";
                p.put("at", java.sql.Timestamp.from(Instant.parse(cursor[0])));
                p.put("id", Long.parseLong(cursor[1]));
            }
            return jdbc.sql("""
                    SELECT i.id, i.estate_id, e.name, t.name, t.version, i.kind, i.inspector_name, i.submitted_at, i.score, i.max_score,
                           i.pass_mark, i.qualified,
                           (SELECT count(*) FROM sup_inspection_item ii WHERE ii.inspection_id = i.id AND ii.failed) AS failed,
                           cardinality(i.flags) AS flagged, i.corrects_id,
                           (SELECT c.id FROM sup_inspection c WHERE c.corrects_id = i.id) AS corrected_by
                      FROM sup_inspection i JOIN org_estate e ON e.id = i.estate_id JOIN sup_template t ON t.id = i.template_id"""
                    + where + seek + (backwards ? " ORDER BY i.submitted_at, i.id" : " ORDER BY i.submitted_at DESC, i.id DESC")
                    + " LIMIT :limit").params(p).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getBigDecimal(9),
                    rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBoolean(12), rs.getInt(13), rs.getInt(14),
                    rs.getObject(15, Long.class), rs.getObject(16, Long.class))).list();
        }, r -> KeysetPage.cursor(r.submittedAt(), r.id()),
                () -> jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM sup_inspection i JOIN org_estate e ON e.id = i.estate_id" + where
                        + " LIMIT " + (KeysetPage.COUNT_CAP + 1) + ") capped").params(params).query(Long.class).single());
    }

    public Detail detail(long id, CurrentUser user) {
        InspectionService.Header header = inspections.header(id, user).orElseThrow(() -> new NotFoundException("inspection", id));
        Templates.Summary template = templates.summary(header.templateId()).orElseThrow();
        Map<Long, List<Long>> photosByItem = new HashMap<>();
        List<Long> general = new java.util.ArrayList<>();
        jdbc.sql("SELECT id, item_id FROM sup_inspection_photo WHERE inspection_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> {
                    long photo = rs.getLong(1);
                    Long item = rs.getObject(2, Long.class);
                    if (item == null) {
                        general.add(photo);
                    } else {
                        photosByItem.computeIfAbsent(item, k -> new java.util.ArrayList<>()).add(photo);
                    }
                    return photo;
                }).list();
        Map<Long, TemplateItem> items = new java.util.LinkedHashMap<>();
        templates.items(new TemplateId(header.templateId())).forEach(i -> items.put(i.id(), i));
        Map<Long, Line> lines = new HashMap<>();
        jdbc.sql("SELECT item_id, entered, answer, score, failed, note, record_share, record_text FROM sup_inspection_item WHERE inspection_id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    long itemId = rs.getLong(1);
                    String text = rs.getString(8);
                    List<RecordFigure> figures = text == null ? List.of() : json.readValue(text, new TypeReference<List<RecordFigure>>() { });
                    lines.put(itemId, new Line(items.get(itemId), rs.getBigDecimal(2),
                            rs.getString(3) == null ? null : YesNoNa.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getBoolean(5),
                            rs.getString(6), rs.getBigDecimal(7), figures, header.flags().contains(itemId),
                            photosByItem.getOrDefault(itemId, List.of())));
                    return itemId;
                }).list();
        List<Line> ordered = items.keySet().stream().filter(lines::containsKey).map(lines::get).toList();
        return new Detail(header, template, ordered, List.copyOf(general));
    }

    /** A photo of an inspection the user may see. */
    public byte[] photo(long photoId, CurrentUser user) {
        return jdbc.sql("SELECT p.photo FROM sup_inspection_photo p JOIN sup_inspection i ON i.id = p.inspection_id WHERE p.id = :id AND "
                        + EstateScope.where("i.estate_id"))
                .param("id", photoId).param("scope", EstateScope.bind(user.scopePath()))
                .query(byte[].class).optional().orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    /** An estate's own inspections, newest first (for an estate's page). */
    public List<Row> ofEstate(long estateId, CurrentUser user, int limit) {
        return list(new Filter(null, null, estateId, null, null, true), user.scopePath(), null, null, limit).rows();
    }
}
