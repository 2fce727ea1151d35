package com.estateguard.access.internal.web;

import com.estateguard.access.internal.CheckFilter;
import com.estateguard.access.internal.CheckPage;
import com.estateguard.access.internal.CheckQueries;
import com.estateguard.access.internal.CheckRow;
import com.estateguard.access.internal.Evidence;
import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check list as .xlsx with the list's filters: every matching record, newest first, written as it is
 * read (FastExcel streams the sheet; the rows are read a page at a time by the list's own keyset query, so
 * an export of a busy day costs what paging through it costs and never holds it all). Names and masked ID
 * numbers are personal data: every export goes to the audit trail with its filters and row count. At most
 * {@link #MAX_ROWS} rows: a wider export says so in its last row.
 */
@Component
class CheckExport {

    /** What one export may hold (a city's month is tens of millions of rows: narrow the filters instead). */
    static final int MAX_ROWS = 200_000;
    private static final int PAGE = 1000;
    static final List<String> HEADERS = List.of("时间", "小区", "出入口", "方向", "人员类别", "姓名", "证件号（脱敏）", "车牌",
            "体温（℃）", "健康码", "核酸结果", "核酸采样时间", "结论", "原因", "策略版本", "更正的记录", "记录人", "记录编号");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CheckQueries queries;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ZoneId zone;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    CheckExport(CheckQueries queries, AuditTrail audit, MessageSource messages, ZoneId zone, JdbcClient jdbc,
                PlatformTransactionManager transactions) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.audit = audit;
        this.messages = messages;
        this.zone = zone;
    }

    /**
     * Writes the records the filter selects in {@code scope} (the user's, or a region or estate inside it); returns
     * how many. The pages are read in one read-only transaction (one snapshot) planned for their actual values: the
     * list's query, written with "parameter IS NULL OR ..." filters, gets a generic plan from PostgreSQL after a few
     * runs on a connection, and that plan reads the whole scope's day for one estate's page (1.3 s instead of 3 ms on
     * the generated city, docs/PERFORMANCE.md).
     */
    int write(CheckFilter filter, String scope, String described, CurrentUser me, OutputStream out) throws IOException {
        try {
            Integer rows = readOnly.execute(tx -> {
                jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
                try {
                    return writeAll(filter, scope, described, me, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return rows == null ? 0 : rows;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private int writeAll(CheckFilter filter, String scope, String described, CurrentUser me, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "EstateGuard", "1.0");
        Worksheet sheet = wb.newWorksheet("出入记录");
        for (int c = 0; c < HEADERS.size(); c++) {
            sheet.value(0, c, HEADERS.get(c));
            sheet.style(0, c).bold().set();
        }
        int rows = 0;
        CheckPage page = queries.page(filter, me, scope, null, null, PAGE);
        while (true) {
            for (CheckRow row : page.rows()) {
                if (rows == MAX_ROWS) {
                    sheet.value(rows + 1, 0, "仅导出前 " + MAX_ROWS + " 条，请缩小筛选范围后再导出其余记录");
                    return finish(wb, sheet, filter, described, me, rows);
                }
                write(sheet, ++rows, row);
            }
            if (page.next() == null) {
                return finish(wb, sheet, filter, described, me, rows);
            }
            sheet.flush();
            page = queries.page(filter, me, scope, page.next(), null, PAGE);
        }
    }

    private int finish(Workbook wb, Worksheet sheet, CheckFilter filter, String described, CurrentUser me, int rows) throws IOException {
        sheet.freezePane(0, 1);
        wb.finish();
        audit.record(AuditEntry.by(me, AuditAction.EXPORT, "出入记录 " + described).inEstate(filter.estateId()).export(rows, true, null));
        return rows;
    }

    private void write(Worksheet sheet, int r, CheckRow c) {
        Evidence e = c.evidence();
        String[] values = {TIME.format(c.occurredAt().atZone(zone)), c.estateName(), c.entranceName(),
                label("direction." + c.direction()), label("category." + c.category()), c.personName(), c.idMasked(),
                c.vehiclePlate(), e == null || e.temperature() == null ? null : e.temperature().celsius().toPlainString(),
                e == null || e.healthCode() == null ? null : label("code." + e.healthCode().status()),
                e == null || e.nat() == null ? null : label("nat." + e.nat().result()),
                e == null || e.nat() == null ? null : TIME.format(e.nat().sampledAt().atZone(zone)),
                label("verdict." + c.decision()),
                c.reasonCodes().stream().map(code -> label("reason." + code)).collect(Collectors.joining("；")),
                Long.toString(c.policyVersionId()), c.correctsCheckId() == null ? null : c.correctsCheckId().toString(),
                c.createdBy(), Long.toString(c.id())};
        for (int col = 0; col < values.length; col++) {
            if (values[col] != null) {
                sheet.value(r, col, values[col]);
            }
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, key.substring(key.indexOf('.') + 1), Locale.SIMPLIFIED_CHINESE);
    }
}
