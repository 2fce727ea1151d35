package com.estateguard.hygiene.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.hygiene.internal.SpecialWaste;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Special-waste containers and their register, on the estate's hygiene page. */
@Controller
@PreAuthorize("hasAuthority('HYGIENE_RECORD')")
class WasteController {

    private final SpecialWaste waste;

    WasteController(SpecialWaste waste) {
        this.waste = waste;
    }

    @PostMapping("/hygiene/estates/{id}/waste-containers")
    @PreAuthorize("hasAuthority('HYGIENE_PLAN')")
    String addContainer(@PathVariable long id, @Valid @ModelAttribute SpecialWaste.ContainerForm form, RedirectAttributes flash) {
        waste.addContainer(id, form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.name());
        return "redirect:/hygiene/estates/" + id + "#waste";
    }

    @PostMapping("/hygiene/estates/{id}/waste-movements")
    String record(@PathVariable long id, @Valid @ModelAttribute SpecialWaste.MovementForm form, RedirectAttributes flash) {
        waste.record(id, form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.weightKg() + " kg");
        return "redirect:/hygiene/estates/" + id + "#waste";
    }
}
