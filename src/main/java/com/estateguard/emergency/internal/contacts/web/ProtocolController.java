package com.estateguard.emergency.internal.contacts.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.emergency.internal.contacts.ProtocolVersion;
import com.estateguard.emergency.internal.contacts.ProtocolVersions;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contact-tracing protocol versions (密切接触者判定与管理): every version with its numbers, and a
 * new version copied from one with the authorities' changes. A version is never edited.
 */
@Controller
@PreAuthorize("hasAuthority('EMERGENCY_READ')")
class ProtocolController {

    private final ProtocolVersions protocols;

    ProtocolController(ProtocolVersions protocols) {
        this.protocols = protocols;
    }

    @GetMapping("/emergency/contact-protocols")
    String list(@RequestParam(required = false) Long copy, Model model) {
        model.addAttribute("versions", protocols.all());
        model.addAttribute("tiers", com.estateguard.emergency.internal.contacts.ContactTier.values());
        ProtocolVersion base = copy == null ? protocols.newest() : protocols.byId(copy);
        model.addAttribute("form", ProtocolForm.of(base.name(), base.id(), base.protocol()));
        return "emergency/contact-protocols";
    }

    @PostMapping("/emergency/contact-protocols")
    @PreAuthorize("hasAuthority('POLICY_WRITE')")
    String create(@Valid @ModelAttribute ProtocolForm form) {
        protocols.create(form.name().strip(), form.basedOnId(), form.protocol(), CurrentUser.require().actor());
        return "redirect:/emergency/contact-protocols";
    }
}
