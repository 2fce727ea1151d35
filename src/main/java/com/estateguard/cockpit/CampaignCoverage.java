package com.estateguard.cockpit;

import com.estateguard.common.CurrentUser;
import java.time.LocalDate;
import java.util.List;

/**
 * The supervision campaigns running on a day that reach a place, each with its running phase's coverage of the place's
 * estates, for the cockpit's panel (issue 12 §2). The module that owns the campaigns implements it.
 */
public interface CampaignCoverage {

    /**
     * The campaigns whose region contains the place or lies inside it and which have a phase running on {@code day}:
     * the place's estates in the campaign and how many the phase has inspected. {@code link} is the campaign's
     * coverage page for that phase, narrowed as far as that page narrows towards the place for this viewer.
     */
    List<Share> running(CockpitPlace place, LocalDate day, CurrentUser viewer);

    record Share(long campaignId, String campaign, String phase, LocalDate startsOn, LocalDate endsOn, int estates,
                 int inspected, String link) {

        /** Inspected as a whole percentage of the estates, rounded down; 0 without estates. */
        public int percent() {
            return estates == 0 ? 0 : inspected * 100 / estates;
        }
    }
}
