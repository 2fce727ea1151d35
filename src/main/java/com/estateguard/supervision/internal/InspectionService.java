package com.estateguard.supervision.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersion;
import com.estateguard.supervision.FailedItem;
import com.estateguard.supervision.InspectionId;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.InspectionPhoto;
import com.estateguard.supervision.InspectionResult;
import com.estateguard.supervision.InspectionSubmitted;
import com.estateguard.supervision.Inspections;
import com.estateguard.supervision.InvalidItemValues;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.SubmitInspection;
import com.estateguard.supervision.SupervisionPermission;
import com.estateguard.supervision.TemplateId;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.YesNoNa;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records and scores inspections (SPV-02/03). The score follows the template's item rules; the
 * policy in force at the estate gives the pass mark and the gap between score and records that is
 * flagged. A submitted inspection is evidence: never updated (the database refuses it); a
 * correction is a new inspection pointing at the old one, which is then shown as corrected. A
 * re-check carries forward the failed items of the inspection it re-checks: only those are
 * entered again, the others keep their earlier values.
 */
@Service
class InspectionService implements Inspections {

    static final int MAX_PHOTOS = 40;
    static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final Templates templates;
    private final OrgDirectory org;
    private final Policies policies;
    private final RecordFigures figures;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    InspectionService(JdbcClient jdbc, Templates templates, OrgDirectory org, Policies policies, RecordFigures figures,
                      ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.org = org;
        this.policies = policies;
        this.figures = figures;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** An inspection's header as stored. */
    public record Header(long id, long templateId, long estateId, Long campaignId, Long phaseId, InspectionKind kind, Long rechecksId,
                  Long correctsId, String inspectorName, Instant submittedAt, BigDecimal score, BigDecimal maxScore,
                  BigDecimal passMark, boolean qualified, List<Long> flags, Long correctedBy, String note, String estateName) {
    }

    @Override
    @Transactional
    public InspectionId submit(SubmitInspection cmd, CurrentUser user) {
        if (!user.can(SupervisionPermission.SUPERVISION_INSPECT)) {
            throw new NotPermittedException();
        }
        if (cmd.template() == null || cmd.estate() == null) {
            throw new InvalidInputException("supervision.error.templateAndEstate");
        }
        EstateRef estate = org.estateInScope(cmd.estate(), user);
        Templates.Summary template = templates.summary(cmd.template().value())
                .orElseThrow(() -> new NotFoundException("template", cmd.template().value()));
        if (template.status() == TemplateStatus.DRAFT) {
            throw new TemplateNotInUse(template.id());
        }
        if (cmd.note() != null && cmd.note().length() > MAX_NOTE) {
            throw new InvalidInputException("supervision.error.noteTooLong", MAX_NOTE);
        }
        if (cmd.photos().size() > MAX_PHOTOS) {
            throw new InvalidInputException("supervision.error.tooManyPhotos", MAX_PHOTOS);
        }
        InspectionKind kind = cmd.kind();
        Long campaignId = cmd.campaignId();
        Long phaseId = cmd.phaseId();
        InspectionId rechecks = cmd.rechecks();
        Long corrects = null;
        if (cmd.corrects() != null) {
            Header old = header(cmd.corrects().value(), user).orElseThrow(() -> new NotFoundException("inspection", cmd.corrects().value()));
            if (old.estateId() != estate.id() || old.templateId() != template.id()) {
                throw new InspectionMismatch(old.id());
            }
            if (old.correctedBy() != null) {
                throw new InspectionAlreadyCorrected(old.id(), old.correctedBy());
            }
            corrects = old.id();
            kind = old.kind();
            campaignId = old.campaignId();
            phaseId = old.phaseId();
            rechecks = old.rechecksId() == null ? null : new InspectionId(old.rechecksId());
        }
        if (kind == null) {
            throw new InvalidInputException("supervision.error.kind");
        }
        List<TemplateItem> items = templates.items(cmd.template());
        Map<Long, ItemEntry> entries = new LinkedHashMap<>();
        List<InvalidItemValues.Refusal> duplicates = new ArrayList<>();
        for (ItemEntry e : cmd.entries()) {
            if (entries.putIfAbsent(e.itemId(), e) != null) {
                duplicates.add(new InvalidItemValues.Refusal(e.itemId(), text(items, e.itemId()), "supervision.item.duplicate", List.of()));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new InvalidItemValues(duplicates);
        }
        if (kind == InspectionKind.RECHECK) {
            if (rechecks == null) {
                throw new InvalidInputException("supervision.error.rechecksMissing");
            }
            Header earlier = header(rechecks.value(), user).orElseThrow(() -> new NotFoundException("inspection", cmd.rechecks().value()));
            if (earlier.estateId() != estate.id() || earlier.templateId() != template.id()) {
                throw new InspectionMismatch(earlier.id());
            }
            // Only the failed items are entered again; the others keep what the earlier inspection gave them.
            Map<Long, ItemEntry> before = entries(earlier.id());
            List<Long> carried = failedIds(earlier.id());
            for (TemplateItem item : items) {
                if (!carried.contains(item.id()) && before.containsKey(item.id())) {
                    entries.put(item.id(), before.get(item.id()));
                }
            }
        } else if (rechecks != null) {
            throw new InvalidInputException("supervision.error.rechecksOnlyForRecheck");
        }

        Instant now = clock.instant();
        PolicyVersion policy = policies.inForce(estate.regionPath(), now);
        SupervisionParameters parameters = policy.parameters().group(SupervisionParameters.class);
        Scoresheet sheet = Scoresheet.score(items, entries, template.passMark(), parameters.passMark());
        Map<Long, RecordFigures.Beside> beside = figures.beside(items, cmd.estate(), now);
        List<Long> flags = new ArrayList<>();
        for (TemplateItem item : items) {
            RecordFigures.Beside b = beside.get(item.id());
            BigDecimal given = ItemRules.share(item, entries.get(item.id()), sheet.outcomes().get(item.id()));
            if (b != null && b.share() != null && given != null
                    && given.subtract(b.share()).abs().multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf(parameters.evidenceGapPercent())) > 0) {
                flags.add(item.id());
            }
        }

        String digest = digest(items, entries, sheet);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO sup_inspection (template_id, estate_id, campaign_id, phase_id, kind, rechecks_id, corrects_id,
                                                        inspector_staff_id, inspector_name, submitted_at, score, max_score, pass_mark,
                                                        qualified, flags, evidence_gap_percent, policy_version_id, note, created_by,
                                                        items_digest)
                            VALUES (:template, :estate, :campaign, :phase, :kind, :rechecks, :corrects, :staff, :name, :at, :score, :max,
                                    :pass, :qualified, cast(:flags AS bigint[]), :gap, :policy, :note, :by, :digest)
                            RETURNING id""")
                    .param("template", template.id()).param("estate", estate.id()).param("campaign", campaignId)
                    .param("phase", phaseId).param("kind", kind.name()).param("rechecks", rechecks == null ? null : rechecks.value())
                    .param("corrects", corrects).param("staff", user.id()).param("name", user.displayName())
                    .param("at", Timestamp.from(now)).param("score", sheet.score()).param("max", sheet.maxScore())
                    .param("pass", sheet.passMark()).param("qualified", sheet.qualified()).param("flags", arrayLiteral(flags))
                    .param("gap", parameters.evidenceGapPercent()).param("policy", policy.id())
                    .param("note", blankToNull(cmd.note())).param("by", user.actor()).param("digest", digest)
                    .query(Long.class).single();
        } catch (DuplicateKeyException raced) {
            // someone else corrected the same inspection at the same moment (sup_inspection_one_correction)
            throw new InspectionAlreadyCorrected(corrects == null ? 0 : corrects, 0);
        }
        for (TemplateItem item : items) {
            ItemEntry e = entries.get(item.id());
            ItemRules.Outcome outcome = sheet.outcomes().get(item.id());
            RecordFigures.Beside b = beside.getOrDefault(item.id(), RecordFigures.Beside.NONE);
            jdbc.sql("""
                            INSERT INTO sup_inspection_item (inspection_id, item_id, entered, answer, score, failed, note, record_share,
                                                             record_text)
                            VALUES (:i, :item, :entered, :answer, :score, :failed, :note, :share, :text)""")
                    .param("i", id).param("item", item.id()).param("entered", e == null ? null : e.value())
                    .param("answer", e == null || e.answer() == null ? null : e.answer().name())
                    .param("score", outcome.score()).param("failed", outcome.failed())
                    .param("note", e == null ? null : blankToNull(e.note())).param("share", b.share())
                    .param("text", b.figures().isEmpty() ? null : json.writeValueAsString(b.figures()))
                    .update();
        }
        for (InspectionPhoto photo : cmd.photos()) {
            if (photo.itemId() != null && items.stream().noneMatch(i -> i.id() == photo.itemId())) {
                throw new InvalidInputException("supervision.error.photoItem");
            }
            jdbc.sql("INSERT INTO sup_inspection_photo (inspection_id, item_id, photo, photo_type, created_at) VALUES (:i, :item, :b, :t, :at)")
                    .param("i", id).param("item", photo.itemId()).param("b", photo.bytes()).param("t", photo.mediaType())
                    .param("at", Timestamp.from(now)).update();
        }
        events.publishEvent(new InspectionSubmitted(new InspectionId(id), cmd.estate(), campaignId, phaseId, kind, sheet.score(),
                sheet.qualified(), sheet.failedItemIds(), now, rechecks, corrects == null ? null : new InspectionId(corrects)));
        return new InspectionId(id);
    }

    @Override
    public InspectionResult result(InspectionId id, CurrentUser user) {
        return result(header(id.value(), user).orElseThrow(() -> new NotFoundException("inspection", id.value())));
    }

    @Override
    public InspectionResult result(InspectionId id) {
        return result(header(id.value(), null).orElseThrow(() -> new NotFoundException("inspection", id.value())));
    }

    @Override
    public List<TemplateItem> items(TemplateId template) {
        return templates.items(template);
    }

    @Override
    public Optional<TemplateId> inUse(String code) {
        return templates.inUse(code);
    }

    private InspectionResult result(Header h) {
        List<FailedItem> failed = jdbc.sql("""
                        SELECT ii.item_id, ti.text, ii.score, CASE WHEN ti.mode IN ('YES_NO_NA', 'TEXT') THEN NULL ELSE ti.max_points END
                          FROM sup_inspection_item ii
                          JOIN sup_template_item ti ON ti.id = ii.item_id
                          JOIN sup_template_section s ON s.id = ti.section_id
                         WHERE ii.inspection_id = :id AND ii.failed ORDER BY s.position, ti.position""")
                .param("id", h.id())
                .query((rs, n) -> new FailedItem(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
        return new InspectionResult(new InspectionId(h.id()), new TemplateId(h.templateId()), new EstateId(h.estateId()), h.kind(),
                h.campaignId(), h.phaseId(), h.rechecksId() == null ? null : new InspectionId(h.rechecksId()),
                h.correctsId() == null ? null : new InspectionId(h.correctsId()), h.score(), h.maxScore(), h.passMark(),
                h.qualified(), failed, h.flags(), h.inspectorName(), h.submittedAt(),
                h.correctedBy() == null ? null : new InspectionId(h.correctedBy()));
    }

    static final String HEADER = """
            SELECT i.id, i.template_id, i.estate_id, i.campaign_id, i.phase_id, i.kind, i.rechecks_id, i.corrects_id, i.inspector_name,
                   i.submitted_at, i.score, i.max_score, i.pass_mark, i.qualified, i.flags, i.note, e.name AS estate_name,
                   (SELECT c.id FROM sup_inspection c WHERE c.corrects_id = i.id) AS corrected_by
              FROM sup_inspection i JOIN org_estate e ON e.id = i.estate_id""";

    /** The header, if the user (null: no user, the module itself) may see it. */
    Optional<Header> header(long id, CurrentUser user) {
        String sql = HEADER + " WHERE i.id = :id" + (user == null ? "" : " AND " + EstateScope.where("i.estate_id"));
        var statement = jdbc.sql(sql).param("id", id);
        if (user != null) {
            statement = statement.param("scope", EstateScope.bind(user.scopePath()));
        }
        return statement.query(InspectionService::header).optional();
    }

    static Header header(ResultSet rs, int n) throws SQLException {
        Array flags = rs.getArray("flags");
        List<Long> flagList = new ArrayList<>();
        if (flags != null) {
            for (Object o : (Object[]) flags.getArray()) {
                flagList.add(((Number) o).longValue());
            }
        }
        return new Header(rs.getLong("id"), rs.getLong("template_id"), rs.getLong("estate_id"), (Long) rs.getObject("campaign_id", Long.class),
                rs.getObject("phase_id", Long.class), InspectionKind.valueOf(rs.getString("kind")), rs.getObject("rechecks_id", Long.class),
                rs.getObject("corrects_id", Long.class), rs.getString("inspector_name"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getBigDecimal("score"), rs.getBigDecimal("max_score"), rs.getBigDecimal("pass_mark"), rs.getBoolean("qualified"),
                List.copyOf(flagList), rs.getObject("corrected_by", Long.class), rs.getString("note"), rs.getString("estate_name"));
    }

    /** The entries stored for an inspection, by item. */
    Map<Long, ItemEntry> entries(long inspectionId) {
        Map<Long, ItemEntry> map = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, entered, answer, note FROM sup_inspection_item WHERE inspection_id = :id").param("id", inspectionId)
                .query((rs, n) -> new ItemEntry(rs.getLong(1), rs.getBigDecimal(2),
                        rs.getString(3) == null ? null : YesNoNa.valueOf(rs.getString(3)), rs.getString(4)))
                .list().forEach(e -> map.put(e.itemId(), e));
        return map;
    }

    List<Long> failedIds(long inspectionId) {
        return jdbc.sql("SELECT item_id FROM sup_inspection_item WHERE inspection_id = :id AND failed").param("id", inspectionId)
                .query(Long.class).list();
    }

    /** What the chain seals of the items: one line per item, its entry and outcome, hashed. */
    static String digest(List<TemplateItem> items, Map<Long, ItemEntry> entries, Scoresheet sheet) {
        StringBuilder text = new StringBuilder();
        for (TemplateItem item : items) {
            ItemEntry e = entries.get(item.id());
            ItemRules.Outcome o = sheet.outcomes().get(item.id());
            text.append(item.id()).append('\t').append(e == null || e.value() == null ? "" : e.value().stripTrailingZeros().toPlainString())
                    .append('\t').append(e == null || e.answer() == null ? "" : e.answer().name())
                    .append('\t').append(o.score() == null ? "" : o.score().stripTrailingZeros().toPlainString())
                    .append('\t').append(o.failed()).append('\t').append(e == null || e.note() == null ? "" : e.note().strip()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(List<TemplateItem> items, long id) {
        return items.stream().filter(i -> i.id() == id).map(TemplateItem::text).findFirst().orElse("#" + id);
    }

    private static String arrayLiteral(List<Long> ids) {
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
