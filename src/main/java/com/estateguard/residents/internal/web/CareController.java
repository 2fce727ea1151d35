package com.estateguard.residents.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.residents.internal.Care;
import com.estateguard.residents.internal.ResidentRegister;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Special groups and home isolation: the overview and one person's care page. */
@Controller
@PreAuthorize("hasAuthority('RESIDENT_READ')")
class CareController {

    static final int PAGE = 25;

    private final Care care;
    private final ResidentRegister register;
    private final OrgDirectory org;

    CareController(Care care, ResidentRegister register, OrgDirectory org) {
        this.care = care;
        this.register = register;
        this.org = org;
    }

    /**
     * Today's home isolations and the special groups of the reader's scope, or of a region or estate in it, each list a
     * page at a time by keyset with cursors of its own (the other list starts again at its top).
     */
    @GetMapping("/care")
    String overview(@RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                    @RequestParam(required = false) String isolationsAfter, @RequestParam(required = false) String isolationsBefore,
                    @RequestParam(required = false) String specialsAfter, @RequestParam(required = false) String specialsBefore,
                    Model model) {
        CurrentUser me = CurrentUser.require();
        Long chosen = estate != null ? estate : me.estateId();
        ListScope area = org.listScope(me, region, null);
        ListScope scope = chosen == null ? area : org.listScope(me, region, chosen);
        model.addAttribute("isolations", care.isolations(scope.path(), isolationsAfter, isolationsBefore, PAGE));
        model.addAttribute("specials", care.specials(scope.path(), specialsAfter, specialsBefore, PAGE));
        model.addAttribute("region", area.region());
        model.addAttribute("estate", chosen);
        model.addAttribute("estates", org.estateChoice(area.path(), chosen));
        model.addAttribute("today", care.today());
        return "residents/care";
    }

    @GetMapping("/care/people/{id}")
    String person(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("person", register.byId(id, me));
        model.addAttribute("contacts", care.contacts(id, me));
        model.addAttribute("groups", Care.Group.values());
        model.addAttribute("today", care.today());
        return "residents/care-person";
    }

    @PostMapping("/care/people/{id}/groups")
    @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
    String mark(@PathVariable long id, @RequestParam Care.Group group, @RequestParam String staffContact) {
        care.mark(id, group, staffContact, CurrentUser.require());
        return "redirect:/care/people/" + id;
    }

    @PostMapping("/care/people/{id}/contacts")
    @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
    String contact(@PathVariable long id, @RequestParam String note) {
        care.logContact(id, note, CurrentUser.require());
        return "redirect:/care/people/" + id;
    }

    @PostMapping("/care/people/{id}/isolation")
    @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
    String isolate(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, @RequestParam String reason) {
        care.isolate(id, startsOn, endsOn, reason, CurrentUser.require());
        return "redirect:/care";
    }

    @PostMapping("/care/isolations/{id}/checks")
    @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
    String monitor(@PathVariable long id, @RequestParam BigDecimal temperature, @RequestParam(defaultValue = "false") boolean symptoms,
                   @RequestParam(defaultValue = "false") boolean wasteCollected, @RequestParam(required = false) String note) {
        care.monitor(id, temperature, symptoms, wasteCollected, note, CurrentUser.require());
        return "redirect:/care";
    }
}
