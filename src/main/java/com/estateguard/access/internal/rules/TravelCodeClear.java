package com.estateguard.access.internal.rules;

import com.estateguard.access.internal.Evidence.TravelCode;
import com.estateguard.access.internal.TravelCodeParameters;
import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * A travel code (行程码) that was seen must show what the policy allows (001: arrivals from
 * medium and high risk areas are singled out). A star goes to the shift leader; a stay in a risk
 * area is turned away. Judged whenever a code was recorded, like reported symptoms.
 */
final class TravelCodeClear implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        TravelCode shown = c.evidence().threeChecksOrNone().travelCode();
        if (shown == null) {
            return List.of();
        }
        boolean allowed = c.policy().findGroup(TravelCodeParameters.class).map(p -> p.allows(shown)).orElse(true);
        if (allowed) {
            return List.of();
        }
        return List.of(EntryReason.of(shown == TravelCode.RISK_AREA ? ReasonCode.TRAVEL_CODE_RISK : ReasonCode.TRAVEL_CODE_STARRED));
    }
}
