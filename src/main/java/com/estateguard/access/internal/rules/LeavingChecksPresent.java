package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.ArrayList;
import java.util.List;

/** ACC-15 (004 "对进出人员进行体温测量，检查八闽健康码"): leaving under such a policy, both are required. */
final class LeavingChecksPresent implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        List<Reason<ReasonCode>> missing = new ArrayList<>();
        if (c.evidence().temperature() == null) {
            missing.add(EntryReason.of(ReasonCode.MISSING_TEMPERATURE));
        }
        if (c.evidence().healthCode() == null) {
            missing.add(EntryReason.of(ReasonCode.MISSING_HEALTH_CODE));
        }
        return missing;
    }
}
