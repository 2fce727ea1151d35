package com.estateguard.supervision.internal.circular;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.internal.circular.CampaignPhases.Phase;
import com.estateguard.supervision.internal.letter.Letters;
import com.estateguard.supervision.internal.letter.Letters.LetterSummary;
import com.estateguard.supervision.internal.letter.Letters.RecipientRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's archive (SPV-11) as one workbook, in the shape the authorities kept in their shared
 * Kingsoft Docs sheets, so nothing recorded is lost: every inspection, each item's score, every
 * rectification order, every answer and the responsibility letters' signatures, in the reader's scope.
 */
@Service
@Transactional(readOnly = true)
public class CampaignArchive {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String IN_CAMPAIGN = " WHERE i.campaign_id = :c AND ";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final CampaignPhases campaigns;
    private final Letters letters;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ZoneId zone;

    CampaignArchive(JdbcClient jdbc, OrgDirectory org, CampaignPhases campaigns, Letters letters, AuditTrail audit,
                    MessageSource messages, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.campaigns = campaigns;
        this.letters = letters;
        this.audit = audit;
        this.messages = messages;
        this.zone = zone;
    }

    public byte[] xlsx(long campaignId, CurrentUser user) {
        Phase campaign = campaigns.campaign(campaignId, user);
        Map<Long, EstateRef> estates = org.estates(user.scopePath()).stream().collect(Collectors.toMap(EstateRef::id, Function.identity()));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "EstateGuard", "1.0");
            int rows = sheet(wb, "archive.inspections", inspections(campaignId, user, estates), "archive.inspectionId", "circular.estate",
                    "circular.region", "circular.company", "archive.kind", "archive.phase", "archive.template", "circular.inspector",
                    "circular.inspectedAt", "circular.score", "circular.maxScore", "archive.passMark", "circular.result",
                    "archive.rechecks", "archive.corrects", "archive.correctedBy", "archive.note");
            sheet(wb, "archive.items", items(campaignId, user, estates), "archive.inspectionId", "circular.estate", "archive.section",
                    "archive.item", "archive.entered", "archive.answer", "circular.score", "circular.maxScore", "archive.failed",
                    "archive.note", "archive.records");
            sheet(wb, "archive.orders", orders(campaignId, user), "archive.orderId", "archive.inspectionId", "circular.estate",
                    "circular.company", "circular.score", "archive.status", "archive.issuedAt", "circular.dueOn", "archive.answeredAt",
                    "archive.answeredBy", "archive.verifiedAt", "archive.verifiedBy", "archive.recheck");
            sheet(wb, "archive.answers", answers(campaignId, user), "archive.orderId", "circular.estate", "archive.item",
                    "archive.action", "archive.answeredBy", "archive.answeredAt", "archive.evidence");
            sheet(wb, "archive.letters", letterRows(campaign.regionPath(), user), "archive.letter", "letter.company", "letter.basis",
                    "letter.status", "letter.signer", "archive.signedAt", "letter.noAnswers", "archive.sha256", "letter.reminders");
            wb.finish();
            audit.record(AuditEntry.by(user, AuditAction.EXPORT, "督导档案 " + campaign.campaignName()).export(rows, true, null));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<List<Object>> inspections(long campaignId, CurrentUser user, Map<Long, EstateRef> estates) {
        return query("""
                SELECT i.id, i.estate_id, i.kind, p.name AS phase, t.name || ' v' || t.version AS template, i.inspector_name,
                       i.submitted_at, i.score, i.max_score, i.pass_mark, i.qualified, i.rechecks_id, i.corrects_id,
                       (SELECT n.id FROM sup_inspection n WHERE n.corrects_id = i.id) AS corrected_by, i.note
                  FROM sup_inspection i JOIN sup_template t ON t.id = i.template_id LEFT JOIN sup_phase p ON p.id = i.phase_id""",
                "i.estate_id", " ORDER BY i.submitted_at, i.id", campaignId, user, r -> {
                    EstateRef e = estates.get(((Number) r.get("estate_id")).longValue());
                    return row(r.get("id"), e.name(), e.regionName(), e.companyName(), label("archive.kind." + r.get("kind")), r.get("phase"),
                            r.get("template"), r.get("inspector_name"), r.get("submitted_at"), r.get("score"), r.get("max_score"),
                            r.get("pass_mark"), label((Boolean) r.get("qualified") ? "circular.qualified" : "circular.notQualified"),
                            r.get("rechecks_id"), r.get("corrects_id"), r.get("corrected_by"), r.get("note"));
                });
    }

    private List<List<Object>> items(long campaignId, CurrentUser user, Map<Long, EstateRef> estates) {
        return query("""
                SELECT ii.inspection_id, i.estate_id, s.title AS section, ti.text, ii.entered, ii.answer, ii.score, ti.max_points,
                       ii.failed, ii.note, ii.record_text
                  FROM sup_inspection_item ii JOIN sup_inspection i ON i.id = ii.inspection_id
                  JOIN sup_template_item ti ON ti.id = ii.item_id JOIN sup_template_section s ON s.id = ti.section_id""",
                "i.estate_id", " ORDER BY ii.inspection_id, s.position, ti.position", campaignId, user, r -> row(r.get("inspection_id"),
                        estates.get(((Number) r.get("estate_id")).longValue()).name(), r.get("section"), r.get("text"), r.get("entered"),
                        r.get("answer"), r.get("score"), r.get("max_points"), label((Boolean) r.get("failed") ? "letter.yes" : "letter.no"),
                        r.get("note"), r.get("record_text")));
    }

    private List<List<Object>> orders(long campaignId, CurrentUser user) {
        return query("""
                SELECT o.id, o.inspection_id, o.estate_name, o.company_name, o.score, o.status, o.issued_at, o.due_on, o.answered_at,
                       o.answered_by, o.verified_at, o.verified_by, o.recheck_inspection_id
                  FROM sup_rectification_order o JOIN sup_inspection i ON i.id = o.inspection_id""",
                "o.estate_id", " ORDER BY o.issued_at, o.id", campaignId, user, r -> row(r.get("id"), r.get("inspection_id"),
                        r.get("estate_name"), r.get("company_name"), r.get("score"), label("circular.rect." + r.get("status")),
                        r.get("issued_at"), r.get("due_on"), r.get("answered_at"), r.get("answered_by"), r.get("verified_at"),
                        r.get("verified_by"), r.get("recheck_inspection_id")));
    }

    private List<List<Object>> answers(long campaignId, CurrentUser user) {
        return query("""
                SELECT oi.order_id, o.estate_name, oi.text, a.action, a.answered_by, a.answered_at,
                       (SELECT count(*) FROM sup_order_evidence ev WHERE ev.answer_id = a.id) AS evidence
                  FROM sup_order_answer a JOIN sup_order_item oi ON oi.id = a.order_item_id
                  JOIN sup_rectification_order o ON o.id = oi.order_id JOIN sup_inspection i ON i.id = o.inspection_id""",
                "o.estate_id", " ORDER BY oi.order_id, oi.position", campaignId, user, r -> row(r.get("order_id"), r.get("estate_name"),
                        r.get("text"), r.get("action"), r.get("answered_by"), r.get("answered_at"), r.get("evidence")));
    }

    /** The letters of the campaign's region (or above it) the reader may see, one row per office addressed. */
    private List<List<Object>> letterRows(String regionPath, CurrentUser user) {
        List<List<Object>> out = new ArrayList<>();
        for (LetterSummary l : letters.letters(user)) {
            if (!l.scopePath().startsWith(regionPath) && !regionPath.startsWith(l.scopePath())) {
                continue;
            }
            for (RecipientRow r : letters.letter(l.id(), user).recipients()) {
                out.add(row(l.title(), r.companyName(), label("letter.basis." + r.basis()),
                        label(r.signed() ? (r.late() ? "letter.signedLate" : "letter.signedStatus") : "letter.pending"),
                        r.signed() ? r.signature() + "（" + r.signerName() + "）" : null, r.signedAt() == null ? null : Timestamp.from(r.signedAt()),
                        r.signed() ? r.noAnswers() : null, r.contentSha256(), r.reminders()));
            }
        }
        return out;
    }

    private List<List<Object>> query(String select, String estateColumn, String order, long campaignId, CurrentUser user,
                                     Function<Map<String, Object>, List<Object>> mapper) {
        return jdbc.sql(select + IN_CAMPAIGN + EstateScope.where(estateColumn) + order)
                .param("c", campaignId).param("scope", EstateScope.bind(user.scopePath())).query().listOfRows()
                .stream().map(mapper).toList();
    }

    private static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }

    private int sheet(Workbook wb, String nameKey, List<List<Object>> rows, String... headerKeys) {
        Worksheet ws = wb.newWorksheet(label(nameKey));
        for (int c = 0; c < headerKeys.length; c++) {
            ws.value(0, c, label(headerKeys[c]));
            ws.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                cell(ws, r + 1, c, row.get(c));
            }
        }
        return rows.size();
    }

    private void cell(Worksheet ws, int r, int c, Object v) {
        if (v instanceof Number n) {
            ws.value(r, c, n);
        } else if (v instanceof Timestamp t) {
            ws.value(r, c, TIME.format(t.toInstant().atZone(zone)));
        } else if (v instanceof java.sql.Date d) {
            ws.value(r, c, d.toLocalDate().toString());
        } else if (v instanceof Boolean b) {
            ws.value(r, c, b);
        } else if (v != null) {
            ws.value(r, c, v.toString());
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
