package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.supervision.internal.campaign.Assignments;
import com.estateguard.supervision.internal.campaign.Campaign;
import com.estateguard.supervision.internal.campaign.CampaignFigures;
import com.estateguard.supervision.internal.campaign.CampaignForm;
import com.estateguard.supervision.internal.campaign.Campaigns;
import com.estateguard.supervision.internal.campaign.Coverage;
import com.estateguard.supervision.internal.campaign.HomeDuty;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.internal.campaign.PhaseForm;
import com.estateguard.supervision.internal.campaign.SpotChecks;
import com.estateguard.supervision.internal.campaign.TemplateChoices;
import jakarta.validation.Valid;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaigns (SPV-04) and what authorities see of one (issue 10 section 7): coverage of a phase by
 * region with drill-down city → district → street → estate, by street and group, scores, the
 * unqualified estates, 查漏补缺 and spot checks.
 */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class CampaignController {

    private static final Logger log = LoggerFactory.getLogger(CampaignController.class);

    private final Campaigns campaigns;
    private final Coverage coverage;
    private final SpotChecks spotChecks;
    private final Assignments assignments;
    private final List<CampaignFigures> figures;
    private final TemplateChoices templates;
    private final HomeDuty homes;
    private final OrgDirectory org;

    CampaignController(Campaigns campaigns, Coverage coverage, SpotChecks spotChecks, Assignments assignments,
                       List<CampaignFigures> figures, TemplateChoices templates, HomeDuty homes, OrgDirectory org) {
        this.campaigns = campaigns;
        this.coverage = coverage;
        this.spotChecks = spotChecks;
        this.assignments = assignments;
        this.figures = figures;
        this.templates = templates;
        this.homes = homes;
        this.org = org;
    }

    @GetMapping("/supervision/campaigns")
    String list(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("campaigns", campaigns.visible(me));
        model.addAttribute("regions", org.regions(me.scopePath()).stream()
                .filter(r -> r.path().startsWith(me.scopePath()) && r.level() != RegionLevel.COMMUNITY).toList());
        model.addAttribute("templates", templates.choices());
        model.addAttribute("kinds", InspectionKind.values());
        return "supervision/campaigns";
    }

    @PostMapping("/supervision/campaigns")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String create(@Valid @ModelAttribute CampaignForm form) {
        CurrentUser me = CurrentUser.require();
        long id = campaigns.create(form, me);
        Campaign campaign = campaigns.get(id);
        homes.assignHomes(campaign, campaign.phases().get(0), me.actor());
        return "redirect:/supervision/campaigns/" + id;
    }

    @GetMapping("/supervision/campaigns/{id}")
    String campaign(@PathVariable long id, @RequestParam(required = false) Long phase, @RequestParam(required = false) Long region,
                    Model model) {
        CurrentUser me = CurrentUser.require();
        long t0 = System.nanoTime();
        Campaign campaign = campaigns.get(id, me);
        Campaign.Phase shown = phase(campaign, phase);
        long t1 = System.nanoTime();
        Coverage.View view = coverage.view(campaign, shown, region, me);
        long t2 = System.nanoTime();
        model.addAttribute("view", view);
        model.addAttribute("phase", shown);
        model.addAttribute("figures", figures.stream().flatMap(f -> f.figures(campaign, shown, me).stream()).toList());
        long t3 = System.nanoTime();
        model.addAttribute("mine", assignments.mine(campaign, shown, me));
        long t4 = System.nanoTime();
        model.addAttribute("selections", spotChecks.of(campaign, me));
        long t5 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("campaign page {}: campaign {} ms, coverage {} ms, figures {} ms, mine {} ms, spot checks {} ms", id,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
        }
        return "supervision/campaign";
    }

    @PostMapping("/supervision/campaigns/{id}/phases")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String addPhase(@PathVariable long id, @Valid @ModelAttribute PhaseForm form) {
        CurrentUser me = CurrentUser.require();
        long phase = campaigns.addPhase(id, form, me);
        Campaign campaign = campaigns.get(id);
        homes.assignHomes(campaign, campaign.phase(phase).orElseThrow(), me.actor());
        return "redirect:/supervision/campaigns/" + id + "?phase=" + phase;
    }

    /** 查漏补缺: the phase's gaps to the groups covering their streets. */
    @PostMapping("/supervision/campaigns/{id}/gaps")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String assignGaps(@PathVariable long id, @RequestParam long phase, RedirectAttributes flash) {
        CurrentUser me = CurrentUser.require();
        Campaign campaign = campaigns.get(id, me);
        var result = coverage.assignGaps(campaign, phase(campaign, phase), me);
        flash.addFlashAttribute("gapsAssigned", result);
        return "redirect:/supervision/campaigns/" + id + "?phase=" + phase;
    }

    @PostMapping("/supervision/campaigns/{id}/spot-checks")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String spotCheck(@PathVariable long id, @RequestParam long phase, @RequestParam InspectionKind kind, @RequestParam int size) {
        CurrentUser me = CurrentUser.require();
        Campaign campaign = campaigns.get(id, me);
        spotChecks.select(campaign, phase(campaign, phase), kind, size, me);
        return "redirect:/supervision/campaigns/" + id + "?phase=" + phase + "#spot-checks";
    }

    private Campaign.Phase phase(Campaign campaign, Long phaseId) {
        return campaigns.phase(campaign, phaseId);
    }
}
