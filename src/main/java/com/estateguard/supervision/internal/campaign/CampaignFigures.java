package com.estateguard.supervision.internal.campaign;

import com.estateguard.common.CurrentUser;
import java.util.List;

/**
 * More figures on a campaign's page, contributed by the parts of supervision that own them:
 * rectification orders due and overdue, responsibility letters unsigned. Each implementation
 * cuts its figures to the viewer's scope.
 */
public interface CampaignFigures {

    /** One figure: its label (a message key), its value and where it leads (or null). */
    record Figure(String labelKey, long value, String link, boolean alarming) {
    }

    List<Figure> figures(Campaign campaign, Campaign.Phase phase, CurrentUser viewer);
}
