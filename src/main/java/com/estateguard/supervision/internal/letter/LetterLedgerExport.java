package com.estateguard.supervision.internal.letter;

import com.estateguard.supervision.internal.letter.Letters.LetterView;
import com.estateguard.supervision.internal.letter.Letters.RecipientRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The unsigned ledger (未签阅台账) as a workbook, for the groups that follow the offices up. */
@Component
public class LetterLedgerExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;

    LetterLedgerExport(MessageSource messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    public byte[] unsigned(LetterView view) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "EstateGuard", "1.0");
            Worksheet ws = wb.newWorksheet(label("letter.unsigned.title"));
            ws.value(0, 0, view.letter().text().title() + " · " + label("letter.unsigned.title"));
            ws.style(0, 0).bold().set();
            ws.value(1, 0, label("letter.deadline") + "：" + time(view.letter().deadlineAt()));
            String[] head = {"letter.company", "letter.basis", "letter.reminders", "letter.lastReminded", "letter.overdue"};
            for (int c = 0; c < head.length; c++) {
                ws.value(3, c, label(head[c]));
                ws.style(3, c).bold().set();
            }
            int row = 4;
            for (RecipientRow r : view.unsigned()) {
                ws.value(row, 0, r.companyName());
                ws.value(row, 1, label("letter.basis." + r.basis()));
                ws.value(row, 2, r.reminders());
                ws.value(row, 3, time(r.lastRemindedAt()));
                ws.value(row++, 4, label(view.overdue() ? "letter.yes" : "letter.no"));
            }
            ws.width(0, 36);
            ws.width(1, 30);
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
