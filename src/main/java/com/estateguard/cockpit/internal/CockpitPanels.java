package com.estateguard.cockpit.internal;

import com.estateguard.cockpit.CampaignCoverage;
import com.estateguard.cockpit.CockpitPlace;
import com.estateguard.cockpit.OpenIncidents;
import com.estateguard.common.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cockpit's live panels of a place (issue 12 §2): the real incidents open now with their timings, and the
 * supervision campaigns running today with their coverage of the place. Asked of the modules that own them through
 * ports the cockpit owns, on each view; without an implementation a panel is empty.
 */
@Component
public class CockpitPanels {

    /** The open incidents listed; the rest are counted and behind the list's link. */
    static final int INCIDENTS_LISTED = 20;

    private final List<OpenIncidents> incidents;
    private final List<CampaignCoverage> campaigns;
    private final Cockpit cockpit;
    private final Clock clock;

    CockpitPanels(List<OpenIncidents> incidents, List<CampaignCoverage> campaigns, Cockpit cockpit, Clock clock) {
        this.incidents = incidents;
        this.campaigns = campaigns;
        this.cockpit = cockpit;
        this.clock = clock;
    }

    /** An open incident with how long it has been open (whole hours, and days past the first) and its page. */
    public record IncidentRow(OpenIncidents.Incident incident, long days, long hours, String link) {
    }

    /** How many are open, the newest of them, and the list of them all narrowed to the place. */
    public record Incidents(long total, List<IncidentRow> rows, String list) {
    }

    public Incidents incidents(Cockpit.View view) {
        long total = 0;
        List<IncidentRow> rows = new ArrayList<>();
        for (OpenIncidents source : incidents) {
            OpenIncidents.Listing listing = source.openIn(place(view), INCIDENTS_LISTED);
            total += listing.total();
            listing.newest().forEach(i -> rows.add(row(i)));
        }
        rows.sort(Comparator.comparing((IncidentRow r) -> r.incident().openedAt()).reversed());
        return new Incidents(total, rows.stream().limit(INCIDENTS_LISTED).toList(),
                LedgerFigure.INCIDENT_OPEN.link(view.at(), view.to()));
    }

    /** The campaigns running today that reach the place, with their coverage of it. */
    public List<CampaignCoverage.Share> campaigns(Cockpit.View view, CurrentUser me) {
        return campaigns.stream().flatMap(c -> c.running(place(view), cockpit.today(), me).stream()).toList();
    }

    private IncidentRow row(OpenIncidents.Incident incident) {
        Duration open = Duration.between(incident.openedAt(), clock.instant());
        long hours = Math.max(0, open.toHours());
        String link = UriComponentsBuilder.fromPath("/emergency/incidents/{id}").buildAndExpand(incident.id()).toUriString();
        return new IncidentRow(incident, hours / 24, hours % 24, link);
    }

    private static CockpitPlace place(Cockpit.View view) {
        return new CockpitPlace(view.estate(), view.at().id(), view.at().path());
    }
}
