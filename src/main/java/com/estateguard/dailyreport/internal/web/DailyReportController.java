package com.estateguard.dailyreport.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.dailyreport.internal.DailyReports.DailyReportView;
import com.estateguard.dailyreport.internal.DailyReports;
import com.estateguard.dailyreport.internal.ReportExport;
import com.estateguard.dailyreport.internal.ReportStatus;
import com.estateguard.dailyreport.internal.SectionFigures;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The daily report (防疫日报): per estate, combined for streets and districts, and its exports. */
@Controller
@PreAuthorize("hasAuthority('REPORT_READ')")
class DailyReportController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DailyReports reports;
    private final ReportExport export;
    private final MessageSource messages;
    private final ZoneId zone;
    private final OrgDirectory org;

    DailyReportController(DailyReports reports, ReportExport export, MessageSource messages, ZoneId zone, OrgDirectory org) {
        this.org = org;
        this.reports = reports;
        this.export = export;
        this.messages = messages;
        this.zone = zone;
    }

    /**
     * The day's estates of the reader's scope, or of a region in it, with their report's status; {@code status} may be
     * given more than once (late: overdue or sent late), as the cockpit's numbers count them.
     */
    @GetMapping("/daily-reports")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) Long region, @RequestParam(required = false) List<ReportStatus> status,
                @RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
        LocalDate day = date == null ? reports.today() : date;
        ListScope area = org.listScope(CurrentUser.require(), region, null);
        List<ReportStatus> statuses = status == null ? List.of() : status.stream().filter(Objects::nonNull).distinct().toList();
        model.addAttribute("day", day);
        model.addAttribute("region", area.region());
        model.addAttribute("status", statuses.isEmpty() ? null : statuses);
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("board", reports.board(day, area.path(), statuses.isEmpty() ? null : EnumSet.copyOf(statuses), after,
                before, 50));
        return "dailyreport/list";
    }

    @GetMapping("/daily-reports/estates/{id}")
    String report(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model) {
        LocalDate day = date == null ? reports.today() : date;
        model.addAttribute("report", reports.report(id, day, CurrentUser.require()));
        return "dailyreport/report";
    }

    @PostMapping("/daily-reports/estates/{id}/submit")
    @PreAuthorize("hasAuthority('REPORT_SUBMIT')")
    String submit(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(required = false) String note, @RequestParam(required = false) Integer seen,
                  RedirectAttributes flash) {
        reports.submit(id, date, note, seen, CurrentUser.require());
        flash.addFlashAttribute("submitted", true);
        return "redirect:/daily-reports/estates/" + id + "?date=" + date;
    }

    @GetMapping("/daily-reports/estates/{id}/export")
    ResponseEntity<byte[]> exportEstate(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                        @RequestParam(defaultValue = "xlsx") String format) {
        DailyReportView r = reports.report(id, date, CurrentUser.require());
        String title = r.estate().name() + " " + label("report.title") + " " + date;
        List<String> header = List.of(label("report.estate") + "：" + r.estate().name() + "（" + r.estate().regionName() + "）",
                label("report.day") + "：" + date,
                label("report.deadline") + "：" + TIME.format(r.deadline().atZone(zone)),
                label("report.status") + "：" + label("report.status." + r.status()));
        return file(format, "daily-report-" + r.estate().id() + "-" + date, title, header, r.sections());
    }

    /** Up to this many estates, the combined export lists each one's status; beyond, only the counts per status. */
    static final int EXPORT_LINES_MAX = 200;

    /**
     * The combined report of the scope, bounded as the list page is (issue 12 §3): the submitted reports summed in SQL,
     * the unsubmitted estates' live figures only when there are few (the heading says how many are not included), the
     * count of each status and, for a scope of up to {@link #EXPORT_LINES_MAX} estates, each estate's status.
     */
    @GetMapping("/daily-reports/export")
    ResponseEntity<byte[]> exportCombined(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                          @RequestParam(required = false) Long region,
                                          @RequestParam(defaultValue = "xlsx") String format) {
        ListScope area = org.listScope(CurrentUser.require(), region, null);
        DailyReports.Board board = reports.board(date, area.path(), null, null, null, EXPORT_LINES_MAX);
        String title = label("report.combinedTitle") + " " + date;
        List<String> header = new ArrayList<>();
        header.add(board.liveIncluded() ? label("report.combined", board.estates())
                : label("report.combinedSubmitted", board.submitted(), board.estates() - board.submitted()));
        for (ReportStatus s : ReportStatus.values()) {
            header.add(label("report.status." + s) + "：" + board.count(s));
        }
        if (board.page().next() == null) {
            board.page().rows().forEach(r -> header.add(r.estate().name() + "：" + label("report.status." + r.status())));
        }
        return file(format, "daily-report-combined-" + date, title, header, board.combined());
    }

    private ResponseEntity<byte[]> file(String format, String name, String title, List<String> header, List<SectionFigures> sections) {
        Function<String, String> label = this::label;
        boolean pdf = "pdf".equals(format);
        byte[] body = pdf ? export.pdf(title, header, sections, label) : export.xlsx(title, header, sections, label);
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + (pdf ? ".pdf" : ".xlsx"), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
