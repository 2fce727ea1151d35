package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * Demo apart (issue 8): a result of the demo source (演示数据) is made up, so it never grounds an
 * ALLOW. When the health code, or the NAT the policy requires for this entrant, came only from it,
 * the case goes to the shift leader. The health sources ask the demo source last, so a demo result
 * here means no real source knew the person.
 */
final class DemoSourceIsNoGround implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var code = c.evidence().healthCode();
        var nat = c.evidence().nat();
        boolean demoCode = code != null && code.demo();
        boolean demoNat = nat != null && nat.demo() && c.policy().required(c.category()).contains(CheckKind.NAT);
        return demoCode || demoNat ? List.of(EntryReason.of(ReasonCode.DEMO_SOURCE_ONLY)) : List.of();
    }
}
