package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.healthdata.NatResult;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.ReasonCode;
import java.time.Duration;
import java.util.List;

/** A positive NAT always refuses; where NAT is required, it must be within the window (72 h; was 48 h). */
final class NatWithinWindow implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var nat = c.evidence().nat();
        if (nat == null) {
            return List.of();
        }
        if (nat.result() == NatResult.POSITIVE) {
            return List.of(EntryReason.of(ReasonCode.NAT_POSITIVE));
        }
        long ageHours = Duration.between(nat.sampledAt(), c.at()).toHours();
        boolean required = c.policy().required(c.category()).contains(CheckKind.NAT);
        if (required && Duration.between(nat.sampledAt(), c.at()).compareTo(Duration.ofHours(c.policy().natWindowHours())) > 0) {
            return List.of(EntryReason.of(ReasonCode.NAT_EXPIRED, ageHours + "h > " + c.policy().natWindowHours() + "h"));
        }
        return List.of();
    }
}
