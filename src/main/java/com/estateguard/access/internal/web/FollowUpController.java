package com.estateguard.access.internal.web;

import com.estateguard.access.internal.FollowUpId;
import com.estateguard.access.internal.FollowUps;
import com.estateguard.common.CurrentUser;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Follow-ups of refusals: report items for the community, moves to the observation point. The list pages by keyset and
 * may be narrowed to a region or an estate of the reader's scope (the list behind the cockpit's open follow-ups).
 */
@Controller
@PreAuthorize("hasAuthority('CHECK_READ')")
class FollowUpController {

    static final int PAGE = 25;

    private final FollowUps followUps;
    private final OrgDirectory org;

    FollowUpController(FollowUps followUps, OrgDirectory org) {
        this.followUps = followUps;
        this.org = org;
    }

    @GetMapping("/follow-ups")
    String list(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) Long region,
                @RequestParam(required = false) Long estate, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before, Model model) {
        CurrentUser me = CurrentUser.require();
        ListScope area = org.listScope(me, region, null);
        ListScope scope = estate == null ? area : org.listScope(me, region, estate);
        model.addAttribute("items", followUps.page(scope.path(), open, after, before, PAGE));
        model.addAttribute("open", open);
        model.addAttribute("region", area.region());
        model.addAttribute("estate", estate);
        model.addAttribute("estates", org.estateChoice(area.path(), estate));
        return "followups/list";
    }

    @PostMapping("/follow-ups/{id}/close")
    @PreAuthorize("hasAuthority('FOLLOW_UP_CLOSE')")
    String close(@PathVariable long id, @RequestParam String note) {
        followUps.close(new FollowUpId(id), note, CurrentUser.require());
        return "redirect:/follow-ups";
    }
}
