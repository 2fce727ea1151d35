package com.estateguard.notices.internal.web;

import com.estateguard.notices.PublicityChannel;
import com.estateguard.common.CurrentUser;
import com.estateguard.notices.internal.Publicity;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateListFilter;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Publicity checklist, activity rooms and risk screening of one estate. */
@Controller
@PreAuthorize("hasAuthority('NOTICE_WRITE') or hasAuthority('STAFF_READ')")
class PublicityController {

    /** Estates a page of the list. */
    static final int PAGE = 50;
    private static final int SEARCH_MAX = 40;

    private final Publicity publicity;
    private final OrgDirectory org;

    PublicityController(Publicity publicity, OrgDirectory org) {
        this.publicity = publicity;
        this.org = org;
    }

    /**
     * One's own estate, or the estates of one's scope 50 a page by keyset in name order (issue 12: a city has 10,000),
     * searched by estate, community or company name in SQL.
     */
    @GetMapping("/publicity")
    String mine(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before, Model model) {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() != null) {
            return "redirect:/publicity/estates/" + me.estateId();
        }
        String query = q == null ? "" : q.strip();
        if (query.length() > SEARCH_MAX) {
            query = query.substring(0, SEARCH_MAX);
        }
        model.addAttribute("result", org.estatePage(me.scopePath(), new EstateListFilter(query, null), after, before, PAGE));
        model.addAttribute("q", query);
        return "notices/publicity-list";
    }

    @GetMapping("/publicity/estates/{id}")
    String estate(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("estate", publicity.estate(id, me));
        model.addAttribute("checklist", publicity.checklist(id, me));
        model.addAttribute("channels", PublicityChannel.values());
        model.addAttribute("rooms", publicity.rooms(id, me));
        model.addAttribute("screenings", publicity.screenings(id, me));
        model.addAttribute("kinds", Publicity.RiskKind.values());
        model.addAttribute("buildings", org.buildings(new EstateId(id)));
        model.addAttribute("today", publicity.today());
        return "notices/publicity";
    }

    @PostMapping("/publicity/estates/{id}/checklist")
    @PreAuthorize("hasAuthority('NOTICE_WRITE')")
    String publicised(@PathVariable long id, @Valid @ModelAttribute Publicity.PublicityForm form, RedirectAttributes flash) {
        publicity.publicised(id, form, CurrentUser.require());
        return saved(id, flash);
    }

    @PostMapping("/publicity/estates/{id}/rooms")
    @PreAuthorize("hasAuthority('NOTICE_WRITE')")
    String room(@PathVariable long id, @Valid @ModelAttribute Publicity.RoomForm form, RedirectAttributes flash) {
        publicity.roomState(id, form, CurrentUser.require());
        return saved(id, flash);
    }

    @PostMapping("/publicity/estates/{id}/screenings")
    @PreAuthorize("hasAuthority('NOTICE_WRITE')")
    String screened(@PathVariable long id, @Valid @ModelAttribute Publicity.ScreeningForm form, RedirectAttributes flash) {
        publicity.screened(id, form, CurrentUser.require());
        return saved(id, flash);
    }

    private static String saved(long id, RedirectAttributes flash) {
        flash.addFlashAttribute("saved", "✓");
        return "redirect:/publicity/estates/" + id;
    }
}
