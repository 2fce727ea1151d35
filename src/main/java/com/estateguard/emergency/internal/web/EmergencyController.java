package com.estateguard.emergency.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.internal.EmergencyPlans;
import com.estateguard.emergency.internal.IncidentBoard;
import com.estateguard.emergency.internal.OpenForm;
import com.estateguard.emergency.internal.PlanForms;
import com.estateguard.emergency.internal.PlanRole;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.Valid;
import java.time.ZoneId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency overview and the plan. An estate's group sees its plan's gaps, its incidents and drills
 * and opens incidents; the authorities see the incidents in their scope with their timings, real ones
 * and drills in separate lists.
 */
@Controller
@PreAuthorize("hasAuthority('EMERGENCY_READ')")
class EmergencyController {

    private final IncidentBoard board;
    private final EmergencyPlans plans;
    private final Incidents incidents;
    private final OrgDirectory org;
    private final ZoneId zone;

    EmergencyController(IncidentBoard board, EmergencyPlans plans, Incidents incidents, OrgDirectory org, ZoneId zone) {
        this.board = board;
        this.plans = plans;
        this.incidents = incidents;
        this.org = org;
        this.zone = zone;
    }

    @GetMapping("/emergency")
    String overview(@RequestParam(required = false) Long estate, @RequestParam(defaultValue = "false") boolean all,
                    @RequestParam(required = false) Long region, Model model) {
        CurrentUser me = CurrentUser.require();
        Long estateId = me.estateId() != null ? me.estateId() : estate;
        model.addAttribute("estateId", estateId);
        model.addAttribute("all", all);
        // A region of the caller's scope narrows both lists (the list behind the cockpit's incidents of a district).
        ListScope area = org.listScope(me, region, null);
        model.addAttribute("region", area.region());
        if (me.estateId() == null) {   // the estate filter: a list for a street, a search by name for thousands (EstateChoice)
            model.addAttribute("estates", org.estateChoice(area.path(), estateId));
        }
        var incidents = board.list(me, area.path(), false, !all, estateId);
        var drills = board.list(me, area.path(), true, !all, estateId);
        model.addAttribute("incidents", incidents);
        model.addAttribute("drills", drills);
        var screening = new java.util.HashMap<>(board.screening(incidents, me));
        screening.putAll(board.screening(drills, me));
        model.addAttribute("screening", screening);
        if (me.estateId() != null) {
            model.addAttribute("plan", plans.plan(me.estateId(), me));
        }
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("sources", CaseSource.values());
        return "emergency/overview";
    }

    @PostMapping("/emergency/incidents")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String open(@Valid @ModelAttribute OpenForm form) {
        var id = incidents.open(form.command(zone), CurrentUser.require());
        return "redirect:/emergency/incidents/" + id.value();
    }

    @GetMapping("/emergency/plan")
    String plan(@RequestParam(required = false) Long estate, Model model) {
        CurrentUser me = CurrentUser.require();
        Long estateId = me.estateId() != null ? me.estateId() : estate;
        if (estateId == null) {
            return "redirect:/emergency";
        }
        model.addAttribute("plan", plans.plan(estateId, me));
        model.addAttribute("staff", plans.staffOf(estateId));
        model.addAttribute("roles", PlanRole.values());
        return "emergency/plan";
    }

    @PostMapping("/emergency/plan/{estate}/contacts")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String contacts(@PathVariable long estate, @Valid @ModelAttribute PlanForms.Contacts form, RedirectAttributes flash) {
        plans.saveContacts(estate, form, CurrentUser.require());
        flash.addFlashAttribute("saved", true);
        return "redirect:/emergency/plan?estate=" + estate;
    }

    @PostMapping("/emergency/plan/{estate}/roles")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String assign(@PathVariable long estate, @Valid @ModelAttribute PlanForms.Assignment form, RedirectAttributes flash) {
        plans.assign(estate, form, CurrentUser.require());
        flash.addFlashAttribute("saved", true);
        return "redirect:/emergency/plan?estate=" + estate;
    }

    @PostMapping("/emergency/plan/{estate}/points")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String addPoint(@PathVariable long estate, @Valid @ModelAttribute PlanForms.ObservationPoint form, RedirectAttributes flash) {
        plans.addPoint(estate, form, CurrentUser.require());
        flash.addFlashAttribute("saved", true);
        return "redirect:/emergency/plan?estate=" + estate;
    }
}
