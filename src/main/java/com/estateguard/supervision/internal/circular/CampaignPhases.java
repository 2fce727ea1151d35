package com.estateguard.supervision.internal.circular;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.supervision.internal.campaign.Campaign;
import com.estateguard.supervision.internal.campaign.Campaigns;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The campaign phases a circular or an archive is made for, as the campaigns show them to the reader. */
@Component
public class CampaignPhases {

    public record Phase(long campaignId, String campaignName, String regionPath, long phaseId, String phaseName, LocalDate startsOn,
                        LocalDate endsOn) {
    }

    private final Campaigns campaigns;
    private final JdbcClient jdbc;

    CampaignPhases(Campaigns campaigns, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    /** A phase of a campaign the user may see; not found otherwise. */
    public Phase phase(long phaseId, CurrentUser user) {
        long campaignId = jdbc.sql("SELECT campaign_id FROM sup_phase WHERE id = :p").param("p", phaseId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("phase", phaseId));
        Campaign campaign = campaigns.get(campaignId, user);
        return of(campaign, campaigns.phase(campaign, phaseId));
    }

    /** Every phase of the campaigns the user may see, newest campaign first. */
    public List<Phase> phases(CurrentUser user) {
        return campaigns.visible(user).stream().flatMap(c -> c.phases().stream().map(p -> of(c, p))).toList();
    }

    /** The campaign (as its first phase) if the user may see it; not found otherwise. */
    public Phase campaign(long campaignId, CurrentUser user) {
        Campaign campaign = campaigns.get(campaignId, user);
        return of(campaign, campaign.phases().get(0));
    }

    private static Phase of(Campaign c, Campaign.Phase p) {
        return new Phase(c.id(), c.name(), c.regionPath(), p.id(), p.name(), p.startsOn(), p.endsOn());
    }
}
