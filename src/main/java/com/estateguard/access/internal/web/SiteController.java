package com.estateguard.access.internal.web;

import com.estateguard.access.internal.renovation.Renovations;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotPermittedException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Renovation sites (ACC-14): the list, one site's roster and the daily "一登三查". */
@Controller
@PreAuthorize("hasAuthority('SITE_MANAGE')")
class SiteController {

    private final Renovations renovations;

    SiteController(Renovations renovations) {
        this.renovations = renovations;
    }

    @GetMapping("/sites")
    String list(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("sites", renovations.sites(me.estateId(), me));
        return "residents/sites";
    }

    @PostMapping("/sites")
    String open(@RequestParam String address, @RequestParam String company,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() == null) {
            throw new NotPermittedException();
        }
        return "redirect:/sites/" + renovations.openSite(me.estateId(), address, company, startsOn, endsOn, me);
    }

    @GetMapping("/sites/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("site", renovations.site(id, me));
        model.addAttribute("workers", renovations.workers(id, me));
        return "residents/site";
    }

    @PostMapping("/sites/{id}/workers")
    String addWorker(@PathVariable long id, @RequestParam String name, @RequestParam String idNumber,
                     @RequestParam(required = false) String phone) {
        renovations.addWorker(id, name, idNumber, phone, CurrentUser.require());
        return "redirect:/sites/" + id;
    }

    @PostMapping("/sites/{id}/workers/{worker}/arrive")
    String arrive(@PathVariable long id, @PathVariable long worker, @RequestParam BigDecimal temperature,
                  @RequestParam(defaultValue = "false") boolean codeGreen, RedirectAttributes flash) {
        var outcome = renovations.arrive(worker, temperature, codeGreen, CurrentUser.require());
        flash.addFlashAttribute("outcome", outcome);
        return "redirect:/sites/" + id;
    }

    @PostMapping("/sites/{id}/workers/{worker}/leave")
    String leave(@PathVariable long id, @PathVariable long worker) {
        renovations.leave(worker, CurrentUser.require());
        return "redirect:/sites/" + id;
    }
}
