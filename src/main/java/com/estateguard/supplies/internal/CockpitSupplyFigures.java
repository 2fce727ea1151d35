package com.estateguard.supplies.internal;

import com.estateguard.cockpit.DayFigures;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.NoPolicyException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The cockpit's supplies figure per estate and day: items whose stock is below the policy's cover. */
@Component
class CockpitSupplyFigures implements DayFigures {

    private final OrgDirectory org;
    private final Supplies supplies;

    CockpitSupplyFigures(OrgDirectory org, Supplies supplies) {
        this.org = org;
        this.supplies = supplies;
    }

    @Override
    public String family() {
        return "SUPPLY";
    }

    @Override
    public List<DayFigure> of(LocalDate day) {
        List<DayFigure> figures = new ArrayList<>();
        for (EstateRef estate : org.estates("R/")) {
            try {
                long below = supplies.stockOfEstate(estate, day).stream().filter(s -> s.cover().belowCover()).count();
                if (below > 0) {
                    figures.add(new DayFigure(estate.id(), "SUPPLY.BELOW_COVER", below));
                }
            } catch (NoPolicyException e) {
                // no policy, no cover to fall below
            }
        }
        return figures;
    }
}
