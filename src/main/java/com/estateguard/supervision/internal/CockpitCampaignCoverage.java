package com.estateguard.supervision.internal;

import com.estateguard.cockpit.CampaignCoverage;
import com.estateguard.cockpit.CockpitPlace;
import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.internal.campaign.Campaign;
import com.estateguard.supervision.internal.campaign.Campaigns;
import com.estateguard.supervision.internal.campaign.Coverage;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cockpit's panel of campaigns: those running on the day that reach the place, each with its running phase's
 * coverage of the place's estates, counted as the campaign's coverage page counts them ({@link Coverage}).
 */
@Component
class CockpitCampaignCoverage implements CampaignCoverage {

    private final Campaigns campaigns;
    private final Coverage coverage;
    private final OrgDirectory org;

    CockpitCampaignCoverage(Campaigns campaigns, Coverage coverage, OrgDirectory org) {
        this.campaigns = campaigns;
        this.coverage = coverage;
        this.org = org;
    }

    @Override
    public List<Share> running(CockpitPlace place, LocalDate day, CurrentUser viewer) {
        return campaigns.runningAt(place.path(), day).stream().map(campaign -> {
            Campaign.Phase phase = campaign.current(day);
            Coverage.Row row = coverage.under(campaign, phase, place.path());
            return new Share(campaign.id(), campaign.name(), phase.name(), phase.startsOn(), phase.endsOn(), row.estates(),
                    row.inspected(), link(campaign, phase, place, viewer));
        }).toList();
    }

    /**
     * The coverage page of the phase at the place: a region inside the campaign's at itself; an estate at its own region
     * (community or street) for an authority, the campaign's (which shows an estate's user their own estate) otherwise;
     * a place holding the campaign's region at the campaign's region.
     */
    private String link(Campaign campaign, Campaign.Phase phase, CockpitPlace place, CurrentUser viewer) {
        var uri = UriComponentsBuilder.fromPath("/supervision/campaigns/{id}").queryParam("phase", phase.id());
        if (place.estate() && viewer.estateId() == null) {
            org.estate(new EstateId(place.id()), viewer.scopePath()).map(EstateRef::regionId).ifPresent(r -> uri.queryParam("region", r));
        } else if (!place.estate() && place.path().startsWith(campaign.regionPath())) {
            uri.queryParam("region", place.id());
        }
        return uri.buildAndExpand(campaign.id()).toUriString();
    }
}
