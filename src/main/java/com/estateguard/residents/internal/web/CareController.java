package com.estateguard.residents.internal.web;

import com.estateguard.common.CurrentUser;
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

    private final Care care;
    private final ResidentRegister register;

    CareController(Care care, ResidentRegister register) {
        this.care = care;
        this.register = register;
    }

    @GetMapping("/care")
    String overview(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("specials", care.specials(me.estateId(), me));
        model.addAttribute("isolations", care.isolations(me.estateId(), me));
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
