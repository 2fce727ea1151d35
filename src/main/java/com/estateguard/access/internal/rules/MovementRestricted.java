package com.estateguard.access.internal.rules;

import com.estateguard.access.MovementRestrictions;
import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * EMG-06, EMG-13: what an incident restricts for this person, as the emergency module answered the
 * checkpoint's {@link MovementRestrictions} port: a managed person leaving without approval, a
 * recovered case returning too early or without a negative NAT.
 */
final class MovementRestricted implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        return c.restrictions().stream().map(f -> EntryReason.of(code(f.restriction()), f.detail())).toList();
    }

    private static ReasonCode code(MovementRestrictions.Restriction restriction) {
        return switch (restriction) {
            case LEAVE_NOT_APPROVED -> ReasonCode.LEAVE_NOT_APPROVED;
            case RECOVERY_MONITORING -> ReasonCode.RECOVERY_MONITORING_NOT_OVER;
            case RECOVERY_NAT -> ReasonCode.RECOVERY_NAT_NOT_NEGATIVE;
        };
    }
}
