package com.estateguard.supervision.internal.rectification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/** A list of orders as an Excel workbook, for the authority's follow-up of due and overdue rectification. */
@Component
public class OrderExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> HEADER = List.of("spv.order.one", "spv.estate", "spv.company", "spv.score", "spv.order.issuedAt",
            "spv.order.due", "spv.order.state", "spv.order.late");

    public byte[] xlsx(List<OrderViews.Row> rows, ZoneId zone, Function<String, String> label) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "EstateGuard", "1.0");
            Worksheet ws = wb.newWorksheet(label.apply("spv.order.title"));
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, label.apply(HEADER.get(c)));
            }
            int r = 1;
            for (OrderViews.Row o : rows) {
                ws.value(r, 0, String.valueOf(o.id()));
                ws.value(r, 1, o.estateName());
                ws.value(r, 2, o.companyName());
                ws.value(r, 3, o.score());
                ws.value(r, 4, TIME.format(o.issuedAt().atZone(zone)));
                ws.value(r, 5, o.dueOn().toString());
                ws.value(r, 6, label.apply(o.overdue() ? "spv.order.overdue" : "spv.order.status." + o.status()));
                ws.value(r++, 7, o.late() ? label.apply("spv.yes") : "");
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
