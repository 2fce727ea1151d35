package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-06, ACC-15: outside vehicles refused where the policy says so, and always in lockdown. */
final class OutsideVehicleRule implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        if (c.vehicle() == null || c.vehicle().residentVehicle()) {
            return List.of();
        }
        boolean refused = !c.policy().outsideVehiclesAllowed() || c.policy().lockdown();
        return refused ? List.of(EntryReason.of(ReasonCode.OUTSIDE_VEHICLE, c.vehicle().plate())) : List.of();
    }
}
