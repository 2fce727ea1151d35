package com.estateguard.supervision.internal.circular;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Role;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.RecordEvidence;
import com.estateguard.supervision.RecordFigure;
import com.estateguard.supervision.SupervisionPermission;
import com.estateguard.supervision.internal.circular.CampaignPhases.Phase;
import com.estateguard.supervision.internal.circular.CircularFigures.EstateResult;
import com.estateguard.supervision.internal.circular.CircularFigures.FailedLine;
import com.estateguard.supervision.internal.circular.CircularFigures.TrainingCheck;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Circulars (通报, SPV-10): a campaign phase's results compiled from the inspections in the
 * publisher's scope, the rectification orders and the gate staff's training (seed 000), frozen and
 * published to that scope: every region, company and estate in it may read it.
 */
@Service
@Transactional(readOnly = true)
public class Circulars {

    private static final Logger log = LoggerFactory.getLogger(Circulars.class);
    static final String TRAINING = "staff.training";
    private static final String VISIBLE = """
            (c.scope_path LIKE :scope || '%'
             OR EXISTS (SELECT 1 FROM unnest(cast(:paths AS text[])) p WHERE p LIKE c.scope_path || '%'))""";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final CampaignPhases campaigns;
    private final List<RecordEvidence> evidence;
    private final JsonMapper json;
    private final Clock clock;

    Circulars(JdbcClient jdbc, OrgDirectory org, CampaignPhases campaigns, List<RecordEvidence> evidence, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.campaigns = campaigns;
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
    }

    public record Circular(long id, long campaignId, long phaseId, String scopePath, String title, CircularFigures figures,
                           Instant publishedAt, String publishedBy) {
    }

    public record CircularSummary(long id, String title, Instant publishedAt, String publishedBy) {
    }

    /** The phase's figures as they stand now, in the user's scope. */
    public CircularFigures compile(long phaseId, int goodExamples, CurrentUser user) {
        long t0 = System.nanoTime();
        Phase phase = campaigns.phase(phaseId, user);
        long campaignId = phase.campaignId();
        Map<Long, EstateRef> estates = org.estates(user.scopePath()).stream().collect(Collectors.toMap(EstateRef::id, Function.identity()));
        long t1 = System.nanoTime();
        List<EstateResult> results = results(campaignId, phaseId, user.scopePath(), estates);
        long t2 = System.nanoTime();
        List<EstateResult> good = results.stream().filter(EstateResult::qualified)
                .sorted(Comparator.comparing(EstateResult::score).reversed()).limit(goodExamples).toList();
        Instant now = clock.instant();
        Map<EstateId, RecordFigure> figures = trainingFigures(results, now);
        List<TrainingCheck> training = results.stream().map(r -> training(r, figures.get(new EstateId(r.estateId())))).toList();
        long t3 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("circular phase {} scope {}: estates {} ms, results {} ms ({} rows), training {} ms", phaseId, user.scopePath(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, results.size(), (t3 - t2) / 1_000_000);
        }
        return new CircularFigures(phase.campaignName(), phase.phaseName(), phase.startsOn(), phase.endsOn(), now, estates.size(),
                results, good, training);
    }

    @Transactional
    public long publish(CircularForm form, CurrentUser by) {
        if (!by.can(SupervisionPermission.SUPERVISION_MANAGE) || by.role().level() != Role.Level.REGION) {
            throw new NotPermittedException();
        }
        CircularFigures figures = compile(form.phaseId(), form.examples(), by);
        long campaignId = campaigns.phase(form.phaseId(), by).campaignId();
        String title = form.title() == null || form.title().isBlank()
                ? "关于" + figures.campaignName() + figures.phaseName() + "物业小区疫情防控督导检查情况的通报" : form.title().strip();
        return jdbc.sql("""
                        INSERT INTO sup_circular (campaign_id, phase_id, scope_path, title, figures, published_at, published_by)
                        VALUES (:c, :p, :scope, :title, cast(:figures AS jsonb), :now, :by) RETURNING id""")
                .param("c", campaignId).param("p", form.phaseId()).param("scope", by.scopePath()).param("title", title)
                .param("figures", json.writeValueAsString(figures)).param("now", Timestamp.from(clock.instant()))
                .param("by", by.actor()).query(Long.class).single();
    }

    public List<CircularSummary> circulars(CurrentUser user) {
        return jdbc.sql("SELECT c.id, c.title, c.published_at, c.published_by FROM sup_circular c WHERE " + VISIBLE
                        + " ORDER BY c.published_at DESC, c.id DESC")
                .param("scope", user.scopePath()).param("paths", paths(user)).query(CircularSummary.class).list();
    }

    public Circular circular(long id, CurrentUser user) {
        return jdbc.sql("""
                        SELECT c.id, c.campaign_id, c.phase_id, c.scope_path, c.title, c.figures::text AS figures, c.published_at,
                               c.published_by FROM sup_circular c WHERE c.id = :id AND""" + " " + VISIBLE)
                .param("id", id).param("scope", user.scopePath()).param("paths", paths(user))
                .query((rs, i) -> new Circular(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("phase_id"), rs.getString("scope_path"),
                        rs.getString("title"), json.readValue(rs.getString("figures"), CircularFigures.class),
                        rs.getTimestamp("published_at").toInstant(), rs.getString("published_by")))
                .optional().orElseThrow(() -> new NotFoundException("circular", id));
    }

    /** The reader's own scope, or for a company the region paths of the estates it manages. */
    private String[] paths(CurrentUser user) {
        if (user.role().level() == Role.Level.COMPANY) {
            return org.estates(user.scopePath()).stream().map(EstateRef::regionPath).toArray(String[]::new);
        }
        return new String[] {user.scopePath()};
    }

    private List<EstateResult> results(long campaignId, long phaseId, String scope, Map<Long, EstateRef> estates) {
        // An estate's standing result (sup_phase_result, kept by a trigger) is its latest inspection, corrections
        // included; when that is not a re-check it is the one the circular reports. Only the estates whose standing
        // result is a re-check are looked up among the phase's inspections themselves (100,000 at a city).
        var rows = jdbc.sql("""
                        SELECT i.id, i.estate_id, i.score, i.max_score, i.pass_mark, i.qualified, i.submitted_at, i.inspector_name
                          FROM sup_phase_result r JOIN sup_inspection i ON i.id = r.inspection_id
                         WHERE r.phase_id = :p AND r.campaign_id = :c AND r.kind <> 'RECHECK' AND\s""" + EstateScope.where("r.estate_id") + """

                        UNION ALL
                        SELECT * FROM (
                        SELECT DISTINCT ON (i.estate_id) i.id, i.estate_id, i.score, i.max_score, i.pass_mark, i.qualified, i.submitted_at,
                               i.inspector_name
                          FROM sup_inspection i
                         WHERE i.campaign_id = :c AND i.phase_id = :p AND i.kind <> 'RECHECK'
                           AND i.estate_id IN (SELECT estate_id FROM sup_phase_result WHERE phase_id = :p AND kind = 'RECHECK')
                           AND NOT EXISTS (SELECT 1 FROM sup_inspection n WHERE n.corrects_id = i.id)
                           AND\s""" + EstateScope.where("i.estate_id") + " ORDER BY i.estate_id, i.submitted_at DESC, i.id DESC) rechecked")
                .param("c", campaignId).param("p", phaseId).param("scope", EstateScope.bind(scope)).query().listOfRows();
        Long[] ids = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toArray(Long[]::new);
        Map<Long, List<FailedLine>> failed = failedItems(ids);
        Map<Long, Map<String, Object>> orders = orders(ids);
        Instant now = clock.instant();
        List<EstateResult> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            long id = ((Number) r.get("id")).longValue();
            EstateRef e = estates.get(((Number) r.get("estate_id")).longValue());
            Map<String, Object> order = orders.get(id);
            Timestamp dueAt = order == null ? null : (Timestamp) order.get("due_at");
            String status = order == null ? null : (String) order.get("status");
            out.add(new EstateResult(e.id(), e.name(), e.regionName(), e.companyName(), id, (BigDecimal) r.get("score"),
                    (BigDecimal) r.get("max_score"), (BigDecimal) r.get("pass_mark"), (Boolean) r.get("qualified"),
                    ((Timestamp) r.get("submitted_at")).toInstant(), (String) r.get("inspector_name"), failed.getOrDefault(id, List.of()),
                    status, order == null ? null : ((java.sql.Date) order.get("due_on")).toLocalDate(),
                    "ISSUED".equals(status) && dueAt != null && dueAt.toInstant().isBefore(now)));
        }
        out.sort(Comparator.comparing(EstateResult::score).reversed().thenComparing(EstateResult::estateName));
        return out;
    }

    private Map<Long, List<FailedLine>> failedItems(Long[] inspections) {
        Map<Long, List<FailedLine>> out = new HashMap<>();
        jdbc.sql("""
                        SELECT ii.inspection_id, ti.text, ii.score, ti.max_points
                          FROM sup_inspection_item ii JOIN sup_template_item ti ON ti.id = ii.item_id
                          JOIN sup_template_section s ON s.id = ti.section_id
                         WHERE ii.inspection_id = ANY(:ids) AND ii.failed ORDER BY s.position, ti.position""")
                .param("ids", inspections).query().listOfRows()
                .forEach(r -> out.computeIfAbsent(((Number) r.get("inspection_id")).longValue(), k -> new ArrayList<>())
                        .add(new FailedLine((String) r.get("text"), (BigDecimal) r.get("score"), (BigDecimal) r.get("max_points"))));
        return out;
    }

    private Map<Long, Map<String, Object>> orders(Long[] inspections) {
        return jdbc.sql("SELECT inspection_id, status, due_on, due_at FROM sup_rectification_order WHERE inspection_id = ANY(:ids)")
                .param("ids", inspections).query().listOfRows().stream()
                .collect(Collectors.toMap(r -> ((Number) r.get("inspection_id")).longValue(), Function.identity()));
    }

    /**
     * Staff's {@code staff.training} figure: its share is of the estate's staff trained in its window,
     * and its arguments are (days, sessions, attendances, staff, staff trained, percent).
     */
    private Map<EstateId, RecordFigure> trainingFigures(List<EstateResult> results, Instant at) {
        List<EstateId> ids = results.stream().map(r -> new EstateId(r.estateId())).toList();
        return evidence.stream().filter(e -> e.keys().contains(TRAINING)).findFirst()
                .map(e -> e.figures(TRAINING, ids, at)).orElse(Map.of());
    }

    private static TrainingCheck training(EstateResult r, RecordFigure f) {
        return f == null ? new TrainingCheck(r.estateId(), r.estateName(), null, null, null)
                : new TrainingCheck(r.estateId(), r.estateName(), arg(f, 3), arg(f, 4), f.share());
    }

    private static Integer arg(RecordFigure f, int index) {
        return f.args().size() > index && f.args().get(index) instanceof Number n ? n.intValue() : null;
    }

}
