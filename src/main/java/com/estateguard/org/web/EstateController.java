package com.estateguard.org.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.OrgDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Estates in the user's scope with their entrances, buildings, pickup points and responsible people. */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class EstateController {

    private final OrgDirectory org;

    EstateController(OrgDirectory org) {
        this.org = org;
    }

    @GetMapping("/estates")
    String list(@RequestParam(required = false) String q, Model model) {
        CurrentUser me = CurrentUser.require();
        String query = q == null ? "" : q.trim();
        model.addAttribute("estates", org.estates(me.scopePath()).stream()
                .filter(e -> query.isEmpty() || e.name().contains(query) || e.regionName().contains(query)
                        || e.companyName().contains(query)).toList());
        model.addAttribute("q", q);
        return "estates/list";
    }

    @GetMapping("/estates/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        var estate = org.estate(id, me.scopePath()).orElseThrow(() -> new NotFoundException("estate", id));
        model.addAttribute("estate", estate);
        model.addAttribute("entrances", org.entrances(id));
        model.addAttribute("buildings", org.buildings(id));
        model.addAttribute("pickupPoints", org.pickupPoints(id));
        return "estates/detail";
    }
}
