package com.estateguard.audit.internal.web;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.internal.AuditFilter;
import com.estateguard.audit.internal.AuditLog;
import com.estateguard.common.CurrentUser;
import com.estateguard.org.OrgDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page (审计日志): filters by action, actor, period and estate, with paging. */
@Controller
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditController {

    /** Without a period the page shows the last week, ending today. */
    private static final int DEFAULT_DAYS = 7;

    private final AuditLog log;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    AuditController(AuditLog log, OrgDirectory org, Clock clock, ZoneId zone) {
        this.log = log;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) AuditAction action, @RequestParam(required = false) String actor,
                @RequestParam(required = false) Long estate, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CurrentUser me = CurrentUser.require();
        LocalDate end = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate start = from == null || from.isAfter(end) ? end.minusDays(DEFAULT_DAYS - 1) : from;
        var filter = new AuditFilter(start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant(),
                action, actor, estate);
        model.addAttribute("result", log.search(filter, me, after, before, 50));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("action", action);
        model.addAttribute("actor", filter.actor());
        model.addAttribute("estate", estate);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("estates", org.estateChoice(me.scopePath(), estate));
        return htmx != null ? "audit/list :: results" : "audit/list";
    }
}
