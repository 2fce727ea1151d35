package com.estateguard.supervision.internal.letter;

import com.estateguard.common.CurrentUser;
import com.estateguard.supervision.internal.campaign.Campaign;
import com.estateguard.supervision.internal.campaign.CampaignFigures;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The campaign page's letter figure (issue 10 section 7): the offices that have not signed a responsibility
 * letter of the campaign's region (or above it) after its deadline, among those the viewer sees. It leads to
 * the letter's unsigned ledger, or to the letters when more than one has offices unsigned.
 */
@Component
@Order(2)
class LetterCampaignFigures implements CampaignFigures {

    private final Letters letters;

    LetterCampaignFigures(Letters letters) {
        this.letters = letters;
    }

    @Override
    public List<Figure> figures(Campaign campaign, Campaign.Phase phase, CurrentUser viewer) {
        List<Letters.UnsignedCount> overdue = letters.unsigned(campaign.regionPath(), viewer).stream()
                .filter(l -> l.overdue() && l.unsigned() > 0).toList();
        long unsigned = overdue.stream().mapToLong(Letters.UnsignedCount::unsigned).sum();
        String link = overdue.size() == 1 ? "/supervision/letters/" + overdue.get(0).letterId() + "/unsigned" : "/supervision/letters";
        return List.of(new Figure("sup.fig.lettersUnsigned", unsigned, link, true));
    }
}
