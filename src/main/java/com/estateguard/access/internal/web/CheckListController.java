package com.estateguard.access.internal.web;

import com.estateguard.access.Direction;
import com.estateguard.access.Verdict;
import com.estateguard.access.internal.CheckFilter;
import com.estateguard.access.internal.CheckPage;
import com.estateguard.access.internal.CheckQueries;
import com.estateguard.access.internal.FollowUps;
import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateId;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersionId;
import com.estateguard.policy.ReasonCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Check records for staff and authorities: filters, paging, the list as Excel, one record with its evidence. */
@Controller
@PreAuthorize("hasAnyAuthority('CHECK_READ', 'CHECK_RECORD')")
class CheckListController {

    private final CheckQueries queries;
    private final FollowUps followUps;
    private final OrgDirectory org;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;
    private final com.estateguard.access.internal.OfflineChecks offline;
    private final CheckExport export;

    CheckListController(CheckQueries queries, FollowUps followUps, OrgDirectory org, Policies policies, Clock clock, ZoneId zone,
                        com.estateguard.access.internal.OfflineChecks offline, CheckExport export) {
        this.offline = offline;
        this.export = export;
        this.queries = queries;
        this.followUps = followUps;
        this.org = org;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/checks")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                @RequestParam(required = false) Long entrance,
                @RequestParam(required = false) EntrantCategory category, @RequestParam(required = false) Verdict decision,
                @RequestParam(required = false) ReasonCode reason, @RequestParam(required = false) Direction direction,
                @RequestParam(required = false) String q, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CurrentUser me = CurrentUser.require();
        ListScope scope = org.listScope(me, region, null);
        LocalDate start = start(from);
        LocalDate end = end(start, to);
        var filter = filter(start, end, estate, entrance, category, decision, reason, direction, q);
        try {
            model.addAttribute("result", queries.page(filter, me, scope.path(), CheckPage.Cursor.parse(after).orElse(null),
                    CheckPage.Cursor.parse(before).orElse(null), 25));
        } catch (com.estateguard.common.SearchTooBroad e) {
            // The filters stay as they were, with the reason, so the reader narrows them instead of starting again.
            model.addAttribute("result", new CheckPage(java.util.List.of(), null, null, 0, false));
            model.addAttribute("tooBroad", true);
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("region", scope.region());
        model.addAttribute("estate", estate);
        model.addAttribute("entrance", entrance);
        model.addAttribute("category", category);
        model.addAttribute("decision", decision);
        model.addAttribute("reason", reason);
        model.addAttribute("direction", direction);
        model.addAttribute("q", q);
        model.addAttribute("estates", org.estateChoice(scope.path(), estate));
        model.addAttribute("entrances", estate == null ? java.util.List.of() : org.entrances(new EstateId(estate)));
        model.addAttribute("categories", EntrantCategory.values());
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("reasons", ReasonCode.values());
        return htmx != null ? "checks/list :: results" : "checks/list";
    }

    /**
     * The list's records as Excel, with the list's filters (every page, not only the one shown): streamed as
     * they are read, audited as an export of personal data.
     */
    @GetMapping("/checks/export.xlsx")
    @PreAuthorize("hasAuthority('CHECK_EXPORT')")
    void exportXlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                    @RequestParam(required = false) Long entrance,
                    @RequestParam(required = false) EntrantCategory category, @RequestParam(required = false) Verdict decision,
                    @RequestParam(required = false) ReasonCode reason, @RequestParam(required = false) Direction direction,
                    @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUser.require();
        // "Not found" before the file starts, not an empty file.
        ListScope scope = org.listScope(me, region, null);
        if (estate != null) {
            org.estateInScope(new EstateId(estate), me);
        }
        LocalDate start = start(from);
        LocalDate end = end(start, to);
        String period = start.equals(end) ? start.toString() : start + "至" + end;
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("出入记录-" + period + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        String described = period + (region == null ? "" : " 区域=" + scope.region().name())
                + (estate == null ? "" : " 小区=" + estate) + (entrance == null ? "" : " 出入口=" + entrance)
                + (category == null ? "" : " 类别=" + category) + (decision == null ? "" : " 结论=" + decision)
                + (reason == null ? "" : " 原因=" + reason) + (direction == null ? "" : " 方向=" + direction)
                + (q == null || q.isBlank() ? "" : " 搜索=" + q.strip());
        export.write(filter(start, end, estate, entrance, category, decision, reason, direction, q), scope.path(), described, me,
                response.getOutputStream());
    }

    private LocalDate start(LocalDate from) {
        return from == null ? LocalDate.now(clock.withZone(zone)) : from;
    }

    private static LocalDate end(LocalDate start, LocalDate to) {
        return to == null || to.isBefore(start) ? start : to;
    }

    private CheckFilter filter(LocalDate start, LocalDate end, Long estate, Long entrance, EntrantCategory category,
                               Verdict decision, ReasonCode reason, Direction direction, String q) {
        return new CheckFilter(start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant(),
                estate, entrance, category, decision, reason, direction, q);
    }

    @GetMapping("/checks/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        var check = queries.byId(id, me);
        model.addAttribute("check", check);
        model.addAttribute("corrections", queries.corrections(id, me));
        model.addAttribute("followUps", followUps.forCheck(id));
        // Issue 11: a check decided on an offline gate shows the device's decision beside the server's.
        model.addAttribute("device", offline.forCheck(check.id()).orElse(null));
        model.addAttribute("policy", policies.byId(new PolicyVersionId(check.policyVersionId())));
        return "checks/detail";
    }
}
