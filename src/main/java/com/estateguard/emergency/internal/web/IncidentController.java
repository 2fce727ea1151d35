package com.estateguard.emergency.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.internal.IncidentBoard;
import com.estateguard.emergency.internal.IncidentSteps;
import com.estateguard.emergency.internal.ReportChannel;
import com.estateguard.emergency.internal.ReportRecipient;
import com.estateguard.emergency.internal.StepForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * One incident's page (desktop and phone): the case, the steps, the reports and the timeline. A step
 * posted by htmx answers with the refreshed body; a plain post is redirected back to the page.
 */
@Controller
@PreAuthorize("hasAuthority('EMERGENCY_READ')")
class IncidentController {

    private final IncidentBoard board;
    private final IncidentSteps steps;

    IncidentController(IncidentBoard board, IncidentSteps steps) {
        this.board = board;
        this.steps = steps;
    }

    @GetMapping("/emergency/incidents/{id}")
    String incident(@PathVariable long id, Model model) {
        fill(id, model);
        return "emergency/incident";
    }

    @PostMapping("/emergency/incidents/{id}/moves")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String move(@PathVariable long id, @Valid @ModelAttribute StepForms.Move form, HttpServletRequest request, Model model) {
        steps.moveToObservation(new IncidentId(id), form, CurrentUser.require());
        return after(id, request, model);
    }

    @PostMapping("/emergency/incidents/{id}/cdc-guided")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String cdcGuided(@PathVariable long id, @Valid @ModelAttribute StepForms.CdcGuided form, HttpServletRequest request, Model model) {
        steps.cdcGuidedIn(new IncidentId(id), form, CurrentUser.require());
        return after(id, request, model);
    }

    @PostMapping("/emergency/incidents/{id}/reports")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String report(@PathVariable long id, @Valid @ModelAttribute StepForms.Report form, HttpServletRequest request, Model model) {
        steps.report(new IncidentId(id), form, CurrentUser.require());
        return after(id, request, model);
    }

    @PostMapping("/emergency/incidents/{id}/cdc-assessment")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String cdcAssessment(@PathVariable long id, @Valid @ModelAttribute StepForms.CdcAssessment form, HttpServletRequest request,
                         Model model) {
        steps.recordCdcAssessment(new IncidentId(id), form, CurrentUser.require());
        return after(id, request, model);
    }

    @PostMapping("/emergency/incidents/{id}/end")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String end(@PathVariable long id, HttpServletRequest request, Model model) {
        steps.end(new IncidentId(id), CurrentUser.require());
        return after(id, request, model);
    }

    @PostMapping("/emergency/incidents/{id}/notes")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String note(@PathVariable long id, @Valid @ModelAttribute StepForms.Note form, HttpServletRequest request, Model model) {
        steps.note(new IncidentId(id), form, CurrentUser.require());
        return after(id, request, model);
    }

    private String after(long id, HttpServletRequest request, Model model) {
        if (request.getHeader("HX-Request") == null) {
            return "redirect:/emergency/incidents/" + id;
        }
        fill(id, model);
        return "emergency/incident :: body";
    }

    private void fill(long id, Model model) {
        model.addAttribute("i", board.incident(id, CurrentUser.require()));
        model.addAttribute("recipients", ReportRecipient.values());
        model.addAttribute("channels", ReportChannel.values());
    }
}
