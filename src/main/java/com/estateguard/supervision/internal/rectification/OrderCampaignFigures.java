package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.CurrentUser;
import com.estateguard.supervision.internal.campaign.Campaign;
import com.estateguard.supervision.internal.campaign.CampaignFigures;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The campaign page's order figures (issue 10 section 7): the orders issued for the phase's inspections
 * that are open, due within their deadline and overdue, in the viewer's scope; each leads to the order
 * list filtered the same way.
 */
@Component
@Order(1)
class OrderCampaignFigures implements CampaignFigures {

    private final RectificationOrders orders;

    OrderCampaignFigures(RectificationOrders orders) {
        this.orders = orders;
    }

    @Override
    public List<Figure> figures(Campaign campaign, Campaign.Phase phase, CurrentUser viewer) {
        RectificationOrders.PhaseCounts counts = orders.counts(phase.id(), viewer);
        return List.of(
                new Figure("sup.fig.ordersOpen", counts.open(), link(OrderViews.Filter.OPEN, phase), false),
                new Figure("sup.fig.ordersDue", counts.due(), link(OrderViews.Filter.DUE, phase), false),
                new Figure("sup.fig.ordersOverdue", counts.overdue(), link(OrderViews.Filter.OVERDUE, phase), true));
    }

    private static String link(OrderViews.Filter filter, Campaign.Phase phase) {
        return "/supervision/orders?filter=" + filter + "&phase=" + phase.id();
    }
}
