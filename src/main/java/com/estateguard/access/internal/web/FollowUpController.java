package com.estateguard.access.internal.web;

import com.estateguard.access.internal.FollowUpId;
import com.estateguard.access.internal.FollowUps;
import com.estateguard.common.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Follow-ups of refusals: report items for the community, moves to the observation point. */
@Controller
@PreAuthorize("hasAuthority('CHECK_READ')")
class FollowUpController {

    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    @GetMapping("/follow-ups")
    String list(@RequestParam(defaultValue = "true") boolean open, Model model) {
        model.addAttribute("items", followUps.list(CurrentUser.require().scopePath(), open, 200));
        model.addAttribute("open", open);
        return "followups/list";
    }

    @PostMapping("/follow-ups/{id}/close")
    @PreAuthorize("hasAuthority('FOLLOW_UP_CLOSE')")
    String close(@PathVariable long id, @RequestParam String note) {
        followUps.close(new FollowUpId(id), note, CurrentUser.require());
        return "redirect:/follow-ups";
    }
}
