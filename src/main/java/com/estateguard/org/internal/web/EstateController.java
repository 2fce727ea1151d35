package com.estateguard.org.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.org.CompanyId;
import com.estateguard.org.EntranceKind;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateListFilter;
import com.estateguard.org.OrgPermission;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionLevel;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Estates in the user's scope with their entrances, buildings, pickup points and responsible
 * people (ORG-02, ORG-03). Authorities register estates in their region; estate staff add
 * entrances (closed until opened within the policy's limit), buildings and pickup points.
 */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class EstateController {

    private final OrgDirectory org;

    EstateController(OrgDirectory org) {
        this.org = org;
    }

    /** Page size of the estates list. */
    static final int PAGE = 50;

    /**
     * The estates in scope a page at a time (issue 12 §3: a city has 10,000), searched by estate, community or company
     * name in SQL; the registration form's lists only for those who may register.
     */
    @GetMapping("/estates")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before, Model model) {
        CurrentUser me = CurrentUser.require();
        String query = q == null ? "" : q.strip();
        if (query.length() > 40) {
            query = query.substring(0, 40);
        }
        model.addAttribute("result", org.estatePage(me.scopePath(), new EstateListFilter(query, null), after, before, PAGE));
        model.addAttribute("q", query);
        if (me.can(OrgPermission.ORG_WRITE)) {
            model.addAttribute("communities", org.regions(me.scopePath()).stream()
                    .filter(r -> r.level() == RegionLevel.COMMUNITY && r.path().startsWith(me.scopePath())).toList());
            model.addAttribute("companies", org.companies());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EstateForms.NewEstate("", null, null, null, "", "", "", ""));
        }
        return "estates/list";
    }

    @PostMapping("/estates")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String create(@Valid @ModelAttribute("form") EstateForms.NewEstate form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return list(null, null, null, model);
        }
        CurrentUser me = CurrentUser.require();
        var community = org.region(new RegionId(form.communityId())).filter(r -> r.level() == RegionLevel.COMMUNITY)
                .filter(r -> r.path().startsWith(me.scopePath()))
                .orElseThrow(() -> new NotFoundException("community", form.communityId()));
        org.company(new CompanyId(form.companyId())).orElseThrow(() -> new NotFoundException("company", form.companyId()));
        long id = org.createEstate(new OrgDirectory.EstateForm(form.name().trim(), community.id(), form.companyId(),
                form.areaM2(), form.address(), form.firstResponsible(), form.preventionAdmin(), form.observationPoint()), me.actor());
        return "redirect:/estates/" + id;
    }

    @GetMapping("/estates/{id}")
    String detail(@PathVariable long id, Model model) {
        EstateRef estate = visible(id);
        model.addAttribute("estate", estate);
        model.addAttribute("entrances", org.entrances(new EstateId(id)));
        model.addAttribute("buildings", org.buildings(new EstateId(id)));
        model.addAttribute("pickupPoints", org.pickupPoints(new EstateId(id)));
        model.addAttribute("kinds", EntranceKind.values());
        return "estates/detail";
    }

    @PostMapping("/estates/{id}/entrances")
    @PreAuthorize("hasAuthority('ENTRANCE_WRITE')")
    String addEntrance(@PathVariable long id, @Valid EstateForms.NewEntrance form, RedirectAttributes redirect) {
        org.createEntrance(new EstateId(visible(id).id()), form.name().trim(), form.kind(), false, CurrentUser.require().actor());
        return "redirect:/estates/" + id;
    }

    @PostMapping("/estates/{id}/buildings")
    @PreAuthorize("hasAuthority('ENTRANCE_WRITE')")
    String addBuilding(@PathVariable long id, @Valid EstateForms.NewPlace form) {
        org.createBuilding(new EstateId(visible(id).id()), form.name().trim(), CurrentUser.require().actor());
        return "redirect:/estates/" + id;
    }

    @PostMapping("/estates/{id}/pickup-points")
    @PreAuthorize("hasAuthority('ENTRANCE_WRITE')")
    String addPickupPoint(@PathVariable long id, @Valid EstateForms.NewPlace form) {
        org.createPickupPoint(new EstateId(visible(id).id()), form.name().trim(), form.location(), CurrentUser.require().actor());
        return "redirect:/estates/" + id;
    }

    private EstateRef visible(long id) {
        CurrentUser me = CurrentUser.require();
        if (me.scopePath() == null) {
            throw new NotPermittedException();
        }
        return org.estate(new EstateId(id), me.scopePath()).orElseThrow(() -> new NotFoundException("estate", id));
    }
}
