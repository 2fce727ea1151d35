package com.estateguard.cockpit;

import com.estateguard.common.CurrentUser;
import java.util.Map;
import java.util.Optional;

/**
 * Today's figures of a region user's scope (a city, district or street) as the cockpit keeps them, for a page that
 * shows them at a glance (the home page, a ledger's list): entries per verdict ({@code ALLOW}, {@code REFUSE},
 * {@code REFER}), open follow-ups ({@code FOLLOWUP.OPEN}), supply items below the policy's cover
 * ({@code SUPPLY.BELOW_COVER}) and staff unfit for duty ({@code STAFF.UNFIT}); the ledgers' figures as of the cockpit's
 * last refresh (every minute). Read from the roll-ups, so a city's thousands of estates cost tens of rows; the
 * entries lag the gate by the roll-up's few seconds. Empty for a user who is not a region's (an estate's staff count
 * their own records directly).
 */
public interface TodayFigures {

    Optional<Map<String, Long>> of(CurrentUser user);

    /**
     * The same for a region inside the user's scope (a list narrowed to it); {@code regionId} null: the user's own. A
     * region outside their scope is "not found".
     */
    Optional<Map<String, Long>> of(CurrentUser user, Long regionId);
}
