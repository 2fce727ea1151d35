package com.estateguard.emergency.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.internal.screening.ScreeningForms.RoundForm;
import com.estateguard.emergency.internal.screening.ScreeningForms.SampleForm;
import com.estateguard.emergency.internal.screening.ScreeningRounds;
import com.estateguard.emergency.internal.screening.UntestedExport;
import com.estateguard.healthdata.NatResult;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * NAT screening pages of an incident (核酸筛查): its rounds, and a round's live board (progress per
 * building and unit, refreshed by htmx), the untested list and its export, on-site samples.
 */
@Controller
@PreAuthorize("hasAuthority('EMERGENCY_READ')")
class ScreeningController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ScreeningRounds rounds;
    private final UntestedExport export;
    private final Incidents incidents;
    private final Clock clock;
    private final ZoneId zone;

    ScreeningController(ScreeningRounds rounds, UntestedExport export, Incidents incidents, Clock clock, ZoneId zone) {
        this.rounds = rounds;
        this.export = export;
        this.incidents = incidents;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/emergency/incidents/{id}/screening")
    String rounds(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        IncidentId incident = new IncidentId(id);
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0);
        model.addAttribute("incident", incidents.get(incident, me));
        model.addAttribute("rounds", rounds.rounds(incident, me));
        model.addAttribute("form", new RoundForm(now, now.toLocalDate().plusDays(1).atStartOfDay().minusMinutes(1)));
        return "emergency/screening-rounds";
    }

    @PostMapping("/emergency/incidents/{id}/screening")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String open(@PathVariable long id, @Valid @ModelAttribute RoundForm form) {
        var round = rounds.open(new IncidentId(id), form, CurrentUser.require());
        return "redirect:/emergency/screening/" + round.id();
    }

    @GetMapping("/emergency/screening/{roundId}")
    String board(@PathVariable long roundId, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CurrentUser me = CurrentUser.require();
        var board = rounds.board(roundId, me);
        model.addAttribute("board", board);
        if (htmx != null) {
            return "emergency/screening-round :: progress";
        }
        model.addAttribute("incident", incidents.get(new IncidentId(board.round().incidentId()), me));
        model.addAttribute("results", NatResult.values());
        model.addAttribute("now", LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0));
        return "emergency/screening-round";
    }

    @PostMapping("/emergency/screening/{roundId}/samples")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String sample(@PathVariable long roundId, @Valid @ModelAttribute SampleForm form, RedirectAttributes flash) {
        rounds.sample(roundId, form, CurrentUser.require());
        flash.addFlashAttribute("sampled", form.code());
        return "redirect:/emergency/screening/" + roundId;
    }

    /** The live state as JSON, e.g. for a big screen at the sampling point. */
    @GetMapping(value = "/emergency/screening/{roundId}/progress", produces = "application/json")
    @ResponseBody
    ScreeningProgressJson progress(@PathVariable long roundId) {
        return ScreeningProgressJson.of(rounds.board(roundId, CurrentUser.require()));
    }

    @GetMapping("/emergency/screening/{roundId}/untested.xlsx")
    void untested(@PathVariable long roundId, HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUser.require();
        rounds.round(roundId, me);   // out of scope: a 404 page, before the answer is declared a workbook
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"screening-" + roundId + "-untested.xlsx\"");
        export.export(roundId, me, response.getOutputStream());
    }
}
