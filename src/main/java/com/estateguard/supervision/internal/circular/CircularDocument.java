package com.estateguard.supervision.internal.circular;

import com.estateguard.supervision.internal.circular.CircularFigures.EstateResult;
import com.estateguard.supervision.internal.circular.CircularFigures.FailedLine;
import com.estateguard.supervision.internal.circular.CircularFigures.TrainingCheck;
import com.estateguard.supervision.internal.circular.Circulars.Circular;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A circular as a PDF to circulate (Chinese font embedded) and as an Excel workbook, from its frozen figures. */
@Component
public class CircularDocument {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final MessageSource messages;
    private final ZoneId zone;

    CircularDocument(MessageSource messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    public byte[] pdf(Circular c) {
        CircularFigures f = c.figures();
        try (PdfText pdf = new PdfText()) {
            pdf.line(c.title(), 15);
            pdf.line(label("circular.period") + "：" + period(f) + "　" + label("circular.publishedAt") + "：" + DAY.format(c.publishedAt().atZone(zone)), 10);
            pdf.gap();
            pdf.line(summary(f), 11);
            pdf.gap();
            pdf.line(label("circular.unqualified") + "（" + f.unqualified().size() + "）", 13);
            if (f.unqualified().isEmpty()) {
                pdf.line("    " + label("circular.noneUnqualified"), 11);
            }
            for (EstateResult r : f.unqualified()) {
                pdf.line("    " + r.estateName() + "（" + r.companyName() + "）" + label("circular.score") + " " + points(r.score()) + "／"
                        + points(r.maxScore()) + "　" + label("circular.rectification") + "：" + rectification(r), 11);
                for (FailedLine item : r.failedItems()) {
                    pdf.line("        · " + item.text() + (item.max() == null || item.max().signum() == 0 ? ""
                            : "（" + points(item.score()) + "／" + points(item.max()) + "）"), 10);
                }
            }
            pdf.gap();
            pdf.line(label("circular.goodExamples"), 13);
            f.goodExamples().forEach(r -> pdf.line("    " + r.estateName() + "（" + r.companyName() + "）" + points(r.score()) + "／"
                    + points(r.maxScore()), 11));
            pdf.gap();
            pdf.line(label("circular.training"), 13);
            f.training().forEach(t -> pdf.line("    " + t.estateName() + "：" + training(t), 11));
            pdf.gap();
            pdf.line(label("circular.results"), 13);
            f.results().forEach(r -> pdf.line("    " + r.estateName() + "　" + r.regionName() + "　" + r.companyName() + "　"
                    + points(r.score()) + "／" + points(r.maxScore()) + "　" + label(r.qualified() ? "circular.qualified" : "circular.notQualified"), 10));
            return pdf.bytes();
        }
    }

    public byte[] xlsx(Circular c) {
        CircularFigures f = c.figures();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "EstateGuard", "1.0");
            Worksheet ws = wb.newWorksheet(label("circular.results"));
            ws.value(0, 0, c.title());
            ws.style(0, 0).bold().set();
            ws.value(1, 0, summary(f));
            header(ws, 3, "circular.estate", "circular.region", "circular.company", "circular.score", "circular.maxScore",
                    "circular.result", "circular.failedItems", "circular.rectification", "circular.inspectedAt", "circular.inspector");
            int row = 4;
            for (EstateResult r : f.results()) {
                ws.value(row, 0, r.estateName());
                ws.value(row, 1, r.regionName());
                ws.value(row, 2, r.companyName());
                ws.value(row, 3, r.score());
                ws.value(row, 4, r.maxScore());
                ws.value(row, 5, label(r.qualified() ? "circular.qualified" : "circular.notQualified"));
                ws.value(row, 6, r.failedItems().stream().map(FailedLine::text).collect(Collectors.joining("；")));
                ws.value(row, 7, r.qualified() && r.rectification() == null ? "" : rectification(r));
                ws.value(row, 8, DAY.format(r.inspectedAt().atZone(zone)));
                ws.value(row++, 9, r.inspector());
            }
            ws.width(0, 24);
            ws.width(6, 60);
            Worksheet t = wb.newWorksheet(label("circular.training"));
            header(t, 0, "circular.estate", "circular.gateStaff", "circular.trained", "circular.result");
            int tr = 1;
            for (TrainingCheck check : f.training()) {
                t.value(tr, 0, check.estateName());
                t.value(tr, 1, check.gateStaff() == null ? "" : check.gateStaff().toString());
                t.value(tr, 2, check.trained() == null ? "" : check.trained().toString());
                t.value(tr++, 3, training(check));
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header(Worksheet ws, int row, String... keys) {
        for (int i = 0; i < keys.length; i++) {
            ws.value(row, i, label(keys[i]));
            ws.style(row, i).bold().set();
        }
    }

    private String summary(CircularFigures f) {
        BigDecimal avg = f.averageScore();
        return messages.getMessage("circular.summary", new Object[] {f.estatesInScope(), f.inspected(), f.qualifiedCount(),
                f.unqualified().size(), avg == null ? "—" : points(avg)}, LocaleContextHolder.getLocale());
    }

    private String period(CircularFigures f) {
        return f.startsOn() + " — " + (f.endsOn() == null ? label("circular.ongoing") : f.endsOn().toString());
    }

    String rectification(EstateResult r) {
        if (r.rectification() == null) {
            return label("circular.rect.none");
        }
        String status = label("circular.rect." + r.rectification());
        String due = r.dueOn() == null ? "" : "（" + label("circular.dueOn") + " " + r.dueOn() + "）";
        return status + due + (r.overdue() ? " " + label("circular.rect.overdue") : "");
    }

    String training(TrainingCheck t) {
        if (t.share() == null) {
            return label("circular.training.noStaff");
        }
        return messages.getMessage(t.allTrained() ? "circular.training.all" : "circular.training.some",
                new Object[] {t.gateStaff() == null ? "—" : t.gateStaff(), t.trained() == null ? "—" : t.trained()}, LocaleContextHolder.getLocale());
    }

    private static String points(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
