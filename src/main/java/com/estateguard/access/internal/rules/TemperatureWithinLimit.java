package com.estateguard.access.internal.rules;

import com.estateguard.policy.ReasonCode;
import java.util.List;

/** Above the policy's limit (37.3 °C in the seeds) is fever. */
final class TemperatureWithinLimit implements EntryRule {
    @Override
    public List<Reason> evaluate(EntryContext c) {
        var t = c.evidence().temperature();
        if (t == null || t.celsius().compareTo(c.policy().temperatureLimitC()) <= 0) {
            return List.of();
        }
        return List.of(new Reason(ReasonCode.FEVER, t.celsius() + " > " + c.policy().temperatureLimitC()));
    }
}
