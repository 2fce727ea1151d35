package com.estateguard.emergency.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.internal.communication.IncidentCommunication;
import com.estateguard.notices.CaseKind;
import com.estateguard.notices.PublicityChannel;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incident's communication page: the case notice drafted from it, and risk-communication messages (EMG-10). */
@Controller
@PreAuthorize("hasAuthority('EMERGENCY_READ')")
class CommunicationController {

    private final IncidentCommunication communication;

    CommunicationController(IncidentCommunication communication) {
        this.communication = communication;
    }

    @GetMapping("/emergency/incidents/{id}/communication")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("draft", communication.draft(new IncidentId(id), CurrentUser.require()));
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("channels", PublicityChannel.values());
        return "emergency/communication";
    }

    @PostMapping("/emergency/incidents/{id}/notice")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN') and hasAuthority('NOTICE_WRITE')")
    String notice(@PathVariable long id, @Valid @ModelAttribute IncidentCommunication.NoticeForm form, RedirectAttributes flash) {
        communication.publishNotice(new IncidentId(id), form, CurrentUser.require());
        flash.addFlashAttribute("noticePublished", true);
        return "redirect:/emergency/incidents/" + id + "/communication";
    }

    @PostMapping("/emergency/incidents/{id}/messages")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN') and hasAuthority('NOTICE_WRITE')")
    String message(@PathVariable long id, @Valid @ModelAttribute IncidentCommunication.MessageForm form, RedirectAttributes flash) {
        communication.publishMessage(new IncidentId(id), form, CurrentUser.require());
        flash.addFlashAttribute("messagePublished", true);
        return "redirect:/emergency/incidents/" + id + "/communication";
    }
}
