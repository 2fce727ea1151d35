package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.internal.campaign.Assignments;
import com.estateguard.supervision.internal.campaign.Campaign;
import com.estateguard.supervision.internal.campaign.Campaigns;
import com.estateguard.supervision.internal.campaign.GroupForm;
import com.estateguard.supervision.internal.campaign.HomeDuty;
import com.estateguard.supervision.internal.campaign.InspectionGroups;
import com.estateguard.supervision.internal.campaign.MemberForm;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Who inspects: 回家就是督导 (one's home, and a head's view of their people) and the groups (组团) with their chain. */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class CampaignTeamController {

    /** At most this many estates answer a search for one's home. */
    private static final int ESTATE_CHOICES = 100;

    private final Campaigns campaigns;
    private final HomeDuty homes;
    private final InspectionGroups groups;
    private final Assignments assignments;
    private final OrgDirectory org;

    CampaignTeamController(Campaigns campaigns, HomeDuty homes, InspectionGroups groups, Assignments assignments, OrgDirectory org) {
        this.campaigns = campaigns;
        this.homes = homes;
        this.groups = groups;
        this.assignments = assignments;
        this.org = org;
    }

    @GetMapping("/supervision/campaigns/{id}/home")
    String home(@PathVariable long id, @RequestParam(required = false) Long phase, @RequestParam(required = false) String q,
                Model model) {
        CurrentUser me = CurrentUser.require();
        Campaign campaign = campaigns.get(id, me);
        Campaign.Phase shown = campaigns.phase(campaign, phase);
        model.addAttribute("campaign", campaign);
        model.addAttribute("phase", shown);
        model.addAttribute("authority", HomeDuty.isAuthority(me));
        var home = homes.home(me.id()).orElse(null);
        model.addAttribute("home", home);
        // The campaign's estates by name in SQL; a city's only by a search, the home recorded kept as an option.
        EstateOptions options = EstateOptions.of(org, campaign.regionPath(), q, home == null ? null : home.estateId(), ESTATE_CHOICES);
        model.addAttribute("options", options);
        model.addAttribute("q", options.search());
        model.addAttribute("estates", options.estates());
        model.addAttribute("team", HomeDuty.isAuthority(me) ? homes.team(campaign, shown, me) : java.util.List.of());
        return "supervision/home";
    }

    /** Where I live: an estate, or none ({@code estateId} empty). */
    @PostMapping("/supervision/campaigns/{id}/home")
    String recordHome(@PathVariable long id, @RequestParam(required = false) Long estateId) {
        CurrentUser me = CurrentUser.require();
        campaigns.get(id, me);
        homes.record(me, estateId);
        return "redirect:/supervision/campaigns/" + id + "/home";
    }

    @GetMapping("/supervision/campaigns/{id}/groups")
    String groups(@PathVariable long id, @RequestParam(required = false) Long phase, Model model) {
        CurrentUser me = CurrentUser.require();
        Campaign campaign = campaigns.get(id, me);
        Campaign.Phase shown = campaigns.phase(campaign, phase);
        var all = groups.of(campaign);
        model.addAttribute("campaign", campaign);
        model.addAttribute("phase", shown);
        model.addAttribute("groups", all);
        model.addAttribute("assigned", all.stream().collect(java.util.stream.Collectors.toMap(
                InspectionGroups.Group::id, g -> assignments.ofGroup(g.id(), shown, me))));
        model.addAttribute("streets", org.regions(me.scopePath()).stream()
                .filter(r -> r.level() == com.estateguard.org.RegionLevel.STREET && r.path().startsWith(campaign.regionPath())).toList());
        model.addAttribute("companies", org.companies());
        model.addAttribute("duties", MemberForm.Duty.values());
        return "supervision/groups";
    }

    @PostMapping("/supervision/campaigns/{id}/groups")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String createGroup(@PathVariable long id, @Valid @ModelAttribute GroupForm form) {
        CurrentUser me = CurrentUser.require();
        groups.create(campaigns.get(id, me), form, me);
        return "redirect:/supervision/campaigns/" + id + "/groups";
    }

    @PostMapping("/supervision/campaigns/{id}/groups/{group}/members")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String addMember(@PathVariable long id, @PathVariable long group, @Valid @ModelAttribute MemberForm form) {
        CurrentUser me = CurrentUser.require();
        groups.addMember(campaigns.get(id, me), group, form, me);
        return "redirect:/supervision/campaigns/" + id + "/groups#group-" + group;
    }
}
