package com.estateguard.supervision.internal;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.supervision.ScoringMode;
import com.estateguard.supervision.TemplateId;
import com.estateguard.supervision.TemplateItem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checklist templates as versioned data (SPV-01): the list, one version with its sections and items,
 * a copy (a new version of the same template or a new template), edits of a draft, and putting a
 * draft in use, which supersedes the version of the same code in use. Templates are reference data
 * of the whole platform: every supervision user reads them; managers copy, edit and publish.
 */
@Service
public class Templates {

    static final int MAX_TEXT = 2000;
    static final int MAX_TITLE = 200;

    /** A template version in the list. */
    public record Summary(long id, String code, String name, int version, TemplateStatus status, BigDecimal totalPoints,
                          BigDecimal passMark, String source, boolean preset, Long supersedesId, Instant publishedAt,
                          int items) {
    }

    /** One section with its items, in order. */
    public record Section(long id, int position, String title, BigDecimal maxPoints, List<TemplateItem> items) {
    }

    /** A template version whole. */
    public record Detail(Summary summary, List<Section> sections) {

        public List<TemplateItem> items() {
            return sections.stream().flatMap(s -> s.items().stream()).toList();
        }
    }

    /** An item as a draft is edited: text, points, mode and the record figure shown beside it. */
    public record ItemForm(String text, BigDecimal maxPoints, BigDecimal minPoints, ScoringMode mode, String evidenceKey) {
    }

    private final JdbcClient jdbc;
    private final TemplateRepository repository;
    private final Clock clock;

    Templates(JdbcClient jdbc, TemplateRepository repository, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.clock = clock;
    }

    private static final String SUMMARY = """
            SELECT t.id, t.code, t.name, t.version, t.status, t.total_points, t.pass_mark, t.source, t.preset, t.supersedes_id,
                   t.published_at,
                   (SELECT count(*) FROM sup_template_item i JOIN sup_template_section s ON s.id = i.section_id
                     WHERE s.template_id = t.id) AS items
              FROM sup_template t""";

    public List<Summary> list() {
        return jdbc.sql(SUMMARY + " ORDER BY t.code, t.version DESC").query(this::mapSummary).list();
    }

    public Optional<Summary> summary(long id) {
        return jdbc.sql(SUMMARY + " WHERE t.id = :id").param("id", id).query(this::mapSummary).optional();
    }

    public Detail detail(long id) {
        Summary summary = summary(id).orElseThrow(() -> new NotFoundException("template", id));
        Map<Long, List<TemplateItem>> bySection = new LinkedHashMap<>();
        List<TemplateItem> items = items(new TemplateId(id));
        items.forEach(i -> bySection.computeIfAbsent(i.sectionId(), k -> new ArrayList<>()).add(i));
        List<Section> sections = jdbc.sql("SELECT id, position, title, max_points FROM sup_template_section WHERE template_id = :t ORDER BY position")
                .param("t", id)
                .query((rs, n) -> new Section(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                        List.copyOf(bySection.getOrDefault(rs.getLong(1), List.of()))))
                .list();
        return new Detail(summary, sections);
    }

    public List<TemplateItem> items(TemplateId template) {
        return jdbc.sql("""
                        SELECT i.id, s.id, s.position, s.title, i.position, i.text, i.max_points, i.min_points, i.mode, i.evidence_key
                          FROM sup_template_item i JOIN sup_template_section s ON s.id = i.section_id
                         WHERE s.template_id = :t ORDER BY s.position, i.position""")
                .param("t", template.value())
                .query((rs, n) -> new TemplateItem(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), ScoringMode.valueOf(rs.getString(9)),
                        rs.getString(10)))
                .list();
    }

    public Optional<TemplateId> inUse(String code) {
        return jdbc.sql("SELECT id FROM sup_template WHERE code = :code AND status = 'IN_USE'").param("code", code)
                .query(Long.class).optional().map(TemplateId::new);
    }

    /** The template versions that can be filled in (in use), for the inspection page's choice. */
    public List<Summary> inUse() {
        return jdbc.sql(SUMMARY + " WHERE t.status = 'IN_USE' ORDER BY t.preset DESC, t.name").query(this::mapSummary).list();
    }

    /**
     * Copies a version as a draft: a new version of the same template ({@code newCode} null) or a new
     * template under {@code newCode}. The copy has every section and item of the source.
     */
    @Transactional
    public long copy(long sourceId, String newCode, String newName, CurrentUser user) {
        Summary source = summary(sourceId).orElseThrow(() -> new NotFoundException("template", sourceId));
        boolean newVersion = newCode == null || newCode.isBlank();
        String code = newVersion ? source.code() : normaliseCode(newCode);
        if (!newVersion && jdbc.sql("SELECT count(*) FROM sup_template WHERE code = :c").param("c", code).query(Long.class).single() > 0) {
            throw new InvalidInputException("supervision.error.codeTaken", code);
        }
        if (newVersion && jdbc.sql("SELECT count(*) FROM sup_template WHERE code = :c AND status = 'DRAFT'").param("c", code)
                .query(Long.class).single() > 0) {
            throw new InvalidInputException("supervision.error.draftExists", code);
        }
        int version = newVersion
                ? jdbc.sql("SELECT max(version) + 1 FROM sup_template WHERE code = :c").param("c", code).query(Integer.class).single()
                : 1;
        String name = newName == null || newName.isBlank() ? source.name() : title(newName);
        long id = jdbc.sql("""
                        INSERT INTO sup_template (code, name, version, supersedes_id, status, total_points, pass_mark, source,
                                                  preset, scope_path, created_at, created_by)
                        VALUES (:code, :name, :version, :supersedes, 'DRAFT', :total, :pass, :source, false, :scope, :at, :by)
                        RETURNING id""")
                .param("code", code).param("name", name).param("version", version)
                .param("supersedes", newVersion ? sourceId : null).param("total", source.totalPoints())
                .param("pass", source.passMark()).param("source", source.source()).param("scope", user.scopePath())
                .param("at", java.sql.Timestamp.from(clock.instant())).param("by", user.actor())
                .query(Long.class).single();
        for (Section section : detail(sourceId).sections()) {
            long sectionId = insertSection(id, section.position(), section.title());
            for (TemplateItem item : section.items()) {
                insertItem(sectionId, item.position(), new ItemForm(item.text(), item.maxPoints(), item.minPoints(), item.mode(),
                        item.evidenceKey()));
            }
        }
        recount(id);
        return id;
    }

    @Transactional
    public void rename(long id, String name, BigDecimal passMark) {
        Template template = load(id);
        template.rename(title(name));
        if (passMark != null && passMark.signum() < 0) {
            throw new InvalidInputException("supervision.error.passMark");
        }
        save(template);
        jdbc.sql("UPDATE sup_template SET pass_mark = :p WHERE id = :id").param("p", passMark).param("id", id).update();
    }

    @Transactional
    public long addSection(long templateId, String title) {
        load(templateId).requireDraft();
        int position = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM sup_template_section WHERE template_id = :t")
                .param("t", templateId).query(Integer.class).single();
        return insertSection(templateId, position, title(title));
    }

    @Transactional
    public void renameSection(long templateId, long sectionId, String title) {
        load(templateId).requireDraft();
        jdbc.sql("UPDATE sup_template_section SET title = :title WHERE id = :id AND template_id = :t")
                .param("title", title(title)).param("id", sectionId).param("t", templateId).update();
    }

    @Transactional
    public void removeSection(long templateId, long sectionId) {
        load(templateId).requireDraft();
        jdbc.sql("DELETE FROM sup_template_item WHERE section_id = (SELECT id FROM sup_template_section WHERE id = :id AND template_id = :t)")
                .param("id", sectionId).param("t", templateId).update();
        jdbc.sql("DELETE FROM sup_template_section WHERE id = :id AND template_id = :t").param("id", sectionId).param("t", templateId).update();
        recount(templateId);
    }

    @Transactional
    public long addItem(long templateId, long sectionId, ItemForm form) {
        load(templateId).requireDraft();
        requireSection(templateId, sectionId);
        int position = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM sup_template_item WHERE section_id = :s")
                .param("s", sectionId).query(Integer.class).single();
        long id = insertItem(sectionId, position, check(form));
        recount(templateId);
        return id;
    }

    @Transactional
    public void updateItem(long templateId, long itemId, ItemForm form) {
        load(templateId).requireDraft();
        ItemForm f = check(form);
        int n = jdbc.sql("""
                        UPDATE sup_template_item SET text = :text, max_points = :max, min_points = :min, mode = :mode, evidence_key = :key
                         WHERE id = :id AND section_id IN (SELECT id FROM sup_template_section WHERE template_id = :t)""")
                .param("text", f.text()).param("max", f.maxPoints()).param("min", f.minPoints()).param("mode", f.mode().name())
                .param("key", f.evidenceKey()).param("id", itemId).param("t", templateId).update();
        if (n == 0) {
            throw new NotFoundException("item", itemId);
        }
        recount(templateId);
    }

    @Transactional
    public void removeItem(long templateId, long itemId) {
        load(templateId).requireDraft();
        jdbc.sql("DELETE FROM sup_template_item WHERE id = :id AND section_id IN (SELECT id FROM sup_template_section WHERE template_id = :t)")
                .param("id", itemId).param("t", templateId).update();
        recount(templateId);
    }

    /** Puts a draft in use; the version of the same code in use, if any, is superseded. */
    @Transactional
    public void publish(long id, CurrentUser user) {
        Template draft = load(id);
        draft.requireDraft();
        if (items(new TemplateId(id)).isEmpty()) {
            throw new TemplateEmpty(id);
        }
        jdbc.sql("SELECT id FROM sup_template WHERE code = :c AND status = 'IN_USE'").param("c", draft.code()).query(Long.class)
                .optional().ifPresent(current -> {
                    Template old = load(current);
                    old.supersede();
                    save(old);
                });
        draft.publish(user.actor(), clock.instant());
        save(draft);
    }

    /** Deletes a draft never put in use. */
    @Transactional
    public void discard(long id) {
        load(id).requireDraft();
        jdbc.sql("DELETE FROM sup_template_item WHERE section_id IN (SELECT id FROM sup_template_section WHERE template_id = :t)")
                .param("t", id).update();
        jdbc.sql("DELETE FROM sup_template_section WHERE template_id = :t").param("t", id).update();
        jdbc.sql("DELETE FROM sup_template WHERE id = :t").param("t", id).update();
    }

    TemplateStatus status(long id) {
        return load(id).status();
    }

    private Template load(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("template", id));
    }

    private void save(Template template) {
        try {
            repository.save(template);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("template", template.id());
        } catch (DataIntegrityViolationException e) {
            // a second version of the same code put in use at the same moment (sup_template_one_in_use)
            throw new ConcurrentChange("template", template.id());
        }
    }

    private void requireSection(long templateId, long sectionId) {
        if (jdbc.sql("SELECT count(*) FROM sup_template_section WHERE id = :s AND template_id = :t").param("s", sectionId)
                .param("t", templateId).query(Long.class).single() == 0) {
            throw new NotFoundException("section", sectionId);
        }
    }

    private long insertSection(long templateId, int position, String title) {
        return jdbc.sql("INSERT INTO sup_template_section (template_id, position, title) VALUES (:t, :p, :title) RETURNING id")
                .param("t", templateId).param("p", position).param("title", title).query(Long.class).single();
    }

    private long insertItem(long sectionId, int position, ItemForm f) {
        return jdbc.sql("""
                        INSERT INTO sup_template_item (section_id, position, text, max_points, min_points, mode, evidence_key)
                        VALUES (:s, :p, :text, :max, :min, :mode, :key) RETURNING id""")
                .param("s", sectionId).param("p", position).param("text", f.text()).param("max", f.maxPoints())
                .param("min", f.minPoints()).param("mode", f.mode().name()).param("key", f.evidenceKey())
                .query(Long.class).single();
    }

    /** Section maxima and the template's total follow its items. */
    private void recount(long templateId) {
        jdbc.sql("""
                        UPDATE sup_template_section s SET max_points = coalesce((SELECT sum(i.max_points) FROM sup_template_item i
                                                                                 WHERE i.section_id = s.id), 0)
                         WHERE s.template_id = :t""").param("t", templateId).update();
        jdbc.sql("""
                        UPDATE sup_template t SET total_points = coalesce((SELECT sum(s.max_points) FROM sup_template_section s
                                                                           WHERE s.template_id = t.id), 0)
                         WHERE t.id = :t""").param("t", templateId).update();
    }

    /** The item's rule must make sense: points for scored modes, none for yes/no and text; a range within full marks. */
    static ItemForm check(ItemForm f) {
        if (f == null || f.mode() == null || f.text() == null || f.text().isBlank() || f.text().length() > MAX_TEXT) {
            throw new InvalidInputException("supervision.error.itemText", MAX_TEXT);
        }
        String key = f.evidenceKey() == null || f.evidenceKey().isBlank() ? null : f.evidenceKey().trim();
        if (key != null && !key.matches("[a-zA-Z]+\\.[a-zA-Z]+(,[a-zA-Z]+\\.[a-zA-Z]+)*")) {
            throw new InvalidInputException("supervision.error.evidenceKey");
        }
        boolean scored = f.mode() == ScoringMode.ALL_OR_NOTHING || f.mode() == ScoringMode.GRADED || f.mode() == ScoringMode.DEDUCTION;
        BigDecimal max = f.maxPoints() == null ? BigDecimal.ZERO : f.maxPoints();
        BigDecimal min = f.minPoints() == null || f.mode() == ScoringMode.ALL_OR_NOTHING ? BigDecimal.ZERO : f.minPoints();
        if (!scored) {
            return new ItemForm(f.text().trim(), BigDecimal.ZERO, BigDecimal.ZERO, f.mode(), key);
        }
        if (max.signum() <= 0 || max.compareTo(new BigDecimal("1000")) > 0 || min.signum() < 0 || min.compareTo(max) > 0
                || max.stripTrailingZeros().scale() > 1 || min.stripTrailingZeros().scale() > 1) {
            throw new InvalidInputException("supervision.error.itemPoints");
        }
        return new ItemForm(f.text().trim(), max, min, f.mode(), key);
    }

    private static String title(String s) {
        if (s == null || s.isBlank() || s.length() > MAX_TITLE) {
            throw new InvalidInputException("supervision.error.title", MAX_TITLE);
        }
        return s.trim();
    }

    private static String normaliseCode(String code) {
        String c = code.trim().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z][A-Z0-9_]{1,49}")) {
            throw new InvalidInputException("supervision.error.code");
        }
        return c;
    }

    private Summary mapSummary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp published = rs.getTimestamp("published_at");
        long supersedes = rs.getLong("supersedes_id");
        boolean original = rs.wasNull();
        return new Summary(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("version"),
                TemplateStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total_points"), rs.getBigDecimal("pass_mark"),
                rs.getString("source"), rs.getBoolean("preset"), original ? null : supersedes,
                published == null ? null : published.toInstant(), rs.getInt("items"));
    }
}
