package com.estateguard.staff.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.staff.internal.StaffHealth;
import com.estateguard.staff.internal.StaffHealthBoard;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff health ledger pages: each estate's staff with the day's temperatures and who is off duty. */
@Controller
@PreAuthorize("hasAuthority('STAFF_READ')")
class StaffController {

    /** Estates a page on the region's list. */
    static final int PAGE = 50;

    private final StaffHealth health;
    private final StaffHealthBoard board;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    StaffController(StaffHealth health, StaffHealthBoard board, OrgDirectory org, Clock clock, ZoneId zone) {
        this.health = health;
        this.board = board;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * A region's estates a page at a time with each one's readings of the day; the day's figures over the whole scope;
     * the estate picker and "only estates with someone unfit" kept across pages (issue 12 §3).
     */
    @GetMapping("/staff-health")
    String estates(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   @RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                   @RequestParam(defaultValue = "false") boolean unfit,
                   @RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() != null) {
            return "redirect:/staff-health/estates/" + me.estateId();
        }
        ListScope area = org.listScope(me, region, null);
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        model.addAttribute("day", day);
        model.addAttribute("region", area.region());
        model.addAttribute("estate", estate);
        model.addAttribute("unfit", unfit);
        model.addAttribute("estates", org.estateChoice(area.path(), estate));
        model.addAttribute("board", board.board(area.path(), day, estate, unfit, after, before, PAGE));
        return "staff/list";
    }

    @GetMapping("/staff-health/estates/{id}")
    String estate(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model) {
        CurrentUser me = CurrentUser.require();
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        model.addAttribute("estate", health.estate(id, me));
        model.addAttribute("day", day);
        model.addAttribute("staff", health.day(id, day, me));
        model.addAttribute("reports", health.reports(id, me, 50));
        return "staff/estate";
    }

    @PostMapping("/staff-health/estates/{id}")
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    String record(@PathVariable long id, @Valid @ModelAttribute StaffHealth.HealthForm form, RedirectAttributes flash) {
        health.record(id, form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.temperatureC() + " °C");
        return "redirect:/staff-health/estates/" + id;
    }
}
