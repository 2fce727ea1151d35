package com.estateguard.notices.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.notices.CaseKind;
import com.estateguard.notices.internal.CaseNotices;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case notices (病例公示): de-identified on publication, readable by residents of the estate. */
@Controller
@PreAuthorize("hasAuthority('NOTICE_READ')")
class NoticeController {

    private final CaseNotices notices;
    private final OrgDirectory org;

    NoticeController(CaseNotices notices, OrgDirectory org) {
        this.notices = notices;
        this.org = org;
    }

    @GetMapping("/notices")
    String list(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("notices", notices.visible(me, 100));
        model.addAttribute("kinds", CaseKind.values());
        if (me.estateId() != null) {
            model.addAttribute("estateId", me.estateId());
            model.addAttribute("buildings", org.buildings(new EstateId(me.estateId())));
        }
        return "notices/list";
    }

    @PostMapping("/notices/estates/{id}")
    @PreAuthorize("hasAuthority('NOTICE_WRITE')")
    String publish(@PathVariable long id, @Valid @ModelAttribute CaseNotices.NoticeForm form, RedirectAttributes flash) {
        notices.publish(id, form, CurrentUser.require());
        flash.addFlashAttribute("published", true);
        return "redirect:/notices";
    }
}
