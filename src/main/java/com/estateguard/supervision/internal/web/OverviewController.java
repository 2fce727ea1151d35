package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.supervision.internal.campaign.Campaigns;
import com.estateguard.supervision.internal.letter.Letters;
import com.estateguard.supervision.internal.rectification.RectificationOrders;
import com.estateguard.supervision.internal.sanctions.Sanctions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What authorities see (issue 10 section 7) across campaigns, for the viewer's scope: the open rectification
 * orders (due, overdue, answered to re-check), the sanctions in force on the companies of its estates, the
 * responsibility letters with the offices that have not signed, and the campaigns, each leading to its list.
 */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class OverviewController {

    static final int SANCTIONS_SHOWN = 50;

    private final RectificationOrders orders;
    private final Sanctions sanctions;
    private final Letters letters;
    private final Campaigns campaigns;

    OverviewController(RectificationOrders orders, Sanctions sanctions, Letters letters, Campaigns campaigns) {
        this.orders = orders;
        this.sanctions = sanctions;
        this.letters = letters;
        this.campaigns = campaigns;
    }

    @GetMapping("/supervision")
    String overview(Model model) {
        CurrentUser me = CurrentUser.require();
        RectificationOrders.Counts counts = orders.counts(null, me.scopePath());
        model.addAttribute("overdue", counts.overdue());
        model.addAttribute("due", counts.due());
        model.addAttribute("answered", counts.answered());
        model.addAttribute("sanctions", sanctions.inForce(me, SANCTIONS_SHOWN));
        model.addAttribute("letters", letters.unsigned(null, me));
        model.addAttribute("campaigns", campaigns.visible(me));
        return "supervision/overview";
    }
}
