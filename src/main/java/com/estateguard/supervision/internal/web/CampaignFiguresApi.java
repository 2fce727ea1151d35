package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.supervision.internal.campaign.Campaign;
import com.estateguard.supervision.internal.campaign.CampaignFigures;
import com.estateguard.supervision.internal.campaign.Campaigns;
import com.estateguard.supervision.internal.campaign.Coverage;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures behind the campaign page's charts, as JSON for the signed-in page (the session's
 * scope applies; the device-key API under /api/v1 is for terminals), with the figures other parts of
 * supervision contribute (orders due and overdue, letters unsigned: {@link CampaignFigures}).
 */
@RestController
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class CampaignFiguresApi {

    private final Campaigns campaigns;
    private final Coverage coverage;
    private final List<CampaignFigures> more;

    CampaignFiguresApi(Campaigns campaigns, Coverage coverage, List<CampaignFigures> more) {
        this.campaigns = campaigns;
        this.coverage = coverage;
        this.more = more;
    }

    public record Bar(String name, int estates, int inspected, int gaps, int unqualified) {
    }

    public record Figures(String campaign, String phase, String region, int estates, int inspected, int gaps, int unqualified,
                          List<Bar> streets, List<Bar> areas, List<String> scoreBuckets, int[] scores,
                          List<CampaignFigures.Figure> figures) {
    }

    @GetMapping("/supervision/campaigns/{id}/figures.json")
    Figures figures(@PathVariable long id, @RequestParam(required = false) Long phase, @RequestParam(required = false) Long region) {
        CurrentUser me = CurrentUser.require();
        Campaign campaign = campaigns.get(id, me);
        Campaign.Phase shown = campaigns.phase(campaign, phase);
        Coverage.View view = coverage.view(campaign, shown, region, me);
        return new Figures(campaign.name(), view.phase().name(), view.at().name(), view.total().estates(), view.total().inspected(),
                view.total().gaps(), view.total().unqualified(), view.streets().stream().map(CampaignFiguresApi::bar).toList(),
                view.areas().stream().map(CampaignFiguresApi::bar).toList(),
                List.of("0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89", "90-100"), view.scoreBuckets(),
                more.stream().flatMap(f -> f.figures(campaign, shown, me).stream()).toList());
    }

    private static Bar bar(Coverage.Row row) {
        return new Bar(row.name(), row.estates(), row.inspected(), row.gaps(), row.unqualified());
    }
}
