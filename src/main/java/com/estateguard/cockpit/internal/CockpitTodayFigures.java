package com.estateguard.cockpit.internal;

import com.estateguard.cockpit.TodayFigures;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cockpit's view of the user's own region, today, cut down to the figures a page shows at a glance. */
@Service
@Transactional(readOnly = true)
class CockpitTodayFigures implements TodayFigures {

    private static final String[] VERDICTS = {"ALLOW", "REFUSE", "REFER"};
    private static final String[] LEDGER = {"FOLLOWUP.OPEN", "SUPPLY.BELOW_COVER", "STAFF.UNFIT"};

    private final Cockpit cockpit;

    CockpitTodayFigures(Cockpit cockpit) {
        this.cockpit = cockpit;
    }

    @Override
    public Optional<Map<String, Long>> of(CurrentUser user) {
        return of(user, null);
    }

    @Override
    public Optional<Map<String, Long>> of(CurrentUser user, Long regionId) {
        if (user.estateId() != null || user.role().level() != Role.Level.REGION) {
            return Optional.empty();
        }
        Cockpit.Place at = regionId == null ? cockpit.home(user) : cockpit.region(regionId, user);
        Cockpit.View view = cockpit.view(at, cockpit.today(), user.scopePath());
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String verdict : VERDICTS) {
            figures.put(verdict, view.get("ENTRY." + verdict));
        }
        for (String ledger : LEDGER) {
            figures.put(ledger, view.get(ledger));
        }
        return Optional.of(figures);
    }
}
