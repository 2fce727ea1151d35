package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.supervision.ScoringMode;
import com.estateguard.supervision.internal.RecordFigures;
import com.estateguard.supervision.internal.Templates;
import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checklist templates (SPV-01): the list, one version, a copy, the edits of a draft and putting it
 * in use. A template in use is never edited: every edit of one answers 409 with the reason.
 */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class TemplatesController {

    private final Templates templates;
    private final RecordFigures figures;

    TemplatesController(Templates templates, RecordFigures figures) {
        this.templates = templates;
        this.figures = figures;
    }

    @GetMapping("/supervision/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.list());
        return "supervision/templates";
    }

    @GetMapping("/supervision/templates/{id}")
    String view(@PathVariable long id, Model model) {
        model.addAttribute("t", templates.detail(id));
        model.addAttribute("modes", ScoringMode.values());
        model.addAttribute("evidenceKeys", figures.keys());
        return "supervision/template";
    }

    @PostMapping("/supervision/templates/{id}/copy")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String copy(@PathVariable long id, @RequestParam(required = false) String code, @RequestParam(required = false) String name,
                RedirectAttributes flash) {
        long copy = templates.copy(id, code, name, CurrentUser.require());
        flash.addFlashAttribute("saved", "supervision.template.copied");
        return "redirect:/supervision/templates/" + copy;
    }

    @PostMapping("/supervision/templates/{id}/rename")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String rename(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) BigDecimal passMark,
                  RedirectAttributes flash) {
        templates.rename(id, name, passMark);
        flash.addFlashAttribute("saved", "supervision.template.saved");
        return "redirect:/supervision/templates/" + id;
    }

    @PostMapping("/supervision/templates/{id}/sections")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String addSection(@PathVariable long id, @RequestParam String title, RedirectAttributes flash) {
        templates.addSection(id, title);
        flash.addFlashAttribute("saved", "supervision.template.saved");
        return "redirect:/supervision/templates/" + id;
    }

    @PostMapping("/supervision/templates/{id}/sections/{section}")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String renameSection(@PathVariable long id, @PathVariable long section, @RequestParam String title, RedirectAttributes flash) {
        templates.renameSection(id, section, title);
        flash.addFlashAttribute("saved", "supervision.template.saved");
        return "redirect:/supervision/templates/" + id;
    }

    @PostMapping("/supervision/templates/{id}/sections/{section}/delete")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String removeSection(@PathVariable long id, @PathVariable long section, RedirectAttributes flash) {
        templates.removeSection(id, section);
        flash.addFlashAttribute("saved", "supervision.template.saved");
        return "redirect:/supervision/templates/" + id;
    }

    @PostMapping("/supervision/templates/{id}/sections/{section}/items")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String addItem(@PathVariable long id, @PathVariable long section, @RequestParam String text, @RequestParam ScoringMode mode,
                   @RequestParam(required = false) BigDecimal maxPoints, @RequestParam(required = false) BigDecimal minPoints,
                   @RequestParam(required = false) String evidenceKey, RedirectAttributes flash) {
        templates.addItem(id, section, new Templates.ItemForm(text, maxPoints, minPoints, mode, evidenceKey));
        flash.addFlashAttribute("saved", "supervision.template.saved");
        return "redirect:/supervision/templates/" + id;
    }

    @PostMapping("/supervision/templates/{id}/items/{item}")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String updateItem(@PathVariable long id, @PathVariable long item, @RequestParam String text, @RequestParam ScoringMode mode,
                      @RequestParam(required = false) BigDecimal maxPoints, @RequestParam(required = false) BigDecimal minPoints,
                      @RequestParam(required = false) String evidenceKey, RedirectAttributes flash) {
        templates.updateItem(id, item, new Templates.ItemForm(text, maxPoints, minPoints, mode, evidenceKey));
        flash.addFlashAttribute("saved", "supervision.template.saved");
        return "redirect:/supervision/templates/" + id + "#item-" + item;
    }

    @PostMapping("/supervision/templates/{id}/items/{item}/delete")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String removeItem(@PathVariable long id, @PathVariable long item, RedirectAttributes flash) {
        templates.removeItem(id, item);
        flash.addFlashAttribute("saved", "supervision.template.saved");
        return "redirect:/supervision/templates/" + id;
    }

    @PostMapping("/supervision/templates/{id}/publish")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String publish(@PathVariable long id, RedirectAttributes flash) {
        templates.publish(id, CurrentUser.require());
        flash.addFlashAttribute("saved", "supervision.template.published");
        return "redirect:/supervision/templates/" + id;
    }

    @PostMapping("/supervision/templates/{id}/discard")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String discard(@PathVariable long id, RedirectAttributes flash) {
        templates.discard(id);
        flash.addFlashAttribute("saved", "supervision.template.discarded");
        return "redirect:/supervision/templates";
    }
}
