package com.estateguard.access.internal.rules;

import com.estateguard.common.Fever;
import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** Above the policy's limit is fever; at the limit is not (see {@link Fever}). */
final class TemperatureWithinLimit implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var t = c.evidence().temperature();
        if (t == null || !Fever.above(t.celsius(), c.policy().temperatureLimitC())) {
            return List.of();
        }
        return List.of(EntryReason.of(ReasonCode.FEVER, t.celsius() + " > " + c.policy().temperatureLimitC()));
    }
}
