package com.estateguard.emergency.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Uploads;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.internal.places.PlaceClosures;
import jakarta.validation.Valid;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Places the case visited: closing them, assessing their terminal disinfection with a photo, reopening (EMG-05, EMG-09). */
@Controller
@PreAuthorize("hasAuthority('EMERGENCY_READ')")
class ClosedPlacesController {

    private final PlaceClosures closures;
    private final Incidents incidents;
    private final Uploads uploads;

    ClosedPlacesController(PlaceClosures closures, Incidents incidents, Uploads uploads) {
        this.closures = closures;
        this.incidents = incidents;
        this.uploads = uploads;
    }

    @GetMapping("/emergency/incidents/{id}/places")
    String places(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        IncidentId incident = new IncidentId(id);
        model.addAttribute("incident", incidents.get(incident, me));
        model.addAttribute("closed", closures.of(incident, me));
        model.addAttribute("choices", closures.choices(incident, me));
        return "emergency/places";
    }

    @PostMapping("/emergency/incidents/{id}/places")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String close(@PathVariable long id, @Valid @ModelAttribute PlaceClosures.CloseForm form, RedirectAttributes flash) {
        flash.addFlashAttribute("closedCount", closures.close(new IncidentId(id), form, CurrentUser.require()));
        return "redirect:/emergency/incidents/" + id + "/places";
    }

    @PostMapping("/emergency/closed-places/{placeId}/assessments")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String assess(@PathVariable long placeId, @Valid @ModelAttribute PlaceClosures.AssessmentForm form,
                  @RequestParam(required = false) MultipartFile photo, RedirectAttributes flash) throws IOException {
        CurrentUser me = CurrentUser.require();
        long incident = closures.incidentOf(placeId, me);
        closures.assess(placeId, form, uploads.photo(photo).orElse(null), me);
        flash.addFlashAttribute("assessed", true);
        return "redirect:/emergency/incidents/" + incident + "/places";
    }

    @PostMapping("/emergency/closed-places/{placeId}/reopen")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String reopen(@PathVariable long placeId, RedirectAttributes flash) {
        CurrentUser me = CurrentUser.require();
        long incident = closures.incidentOf(placeId, me);
        closures.reopen(placeId, me);
        flash.addFlashAttribute("reopened", true);
        return "redirect:/emergency/incidents/" + incident + "/places";
    }

    @GetMapping("/emergency/place-assessments/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return Uploads.serve(closures.photo(id, CurrentUser.require()), "place-assessment-" + id);
    }
}
