package com.estateguard.org.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateChoice;
import com.estateguard.org.OrgDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The answers of the estate filter's search ({@link EstateChoice}): the estates of the user's scope whose name
 * contains the text, as the options of the filter's list. Only names and ids, only inside the scope.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class EstateOptionsController {

    private final OrgDirectory org;

    EstateOptionsController(OrgDirectory org) {
        this.org = org;
    }

    @GetMapping("/org/estate-options")
    String options(@RequestParam(required = false) String estateq, @RequestParam(defaultValue = "false") boolean field,
                   Model model) {
        CurrentUser me = CurrentUser.require();
        String text = estateq == null ? "" : estateq.strip();
        if (text.length() > 40) {
            text = text.substring(0, 40);
        }
        model.addAttribute("options", org.estatesNamed(me.scopePath(), text, EstateChoice.SEARCH_MAX));
        // Nothing is chosen for the user: picking an answer is what changes the list.
        return field ? "fragments :: estateFieldOptions(options=${options}, chosen=null)"   // a form's field: blank is none
                : "fragments :: estateOptions(options=${options}, chosen=null)";
    }
}
