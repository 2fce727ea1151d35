package com.estateguard.access.internal.rules;

import com.estateguard.access.PassCheck;
import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * A resident pass (出入证) shown at the gate must be genuine, current and not revoked (RES-03,
 * ACC-04). The recorder verifies the scanned token through {@link PassCheck}; this rule turns the
 * typed failure it got back into its reason.
 */
final class PassMustBeValid implements EntryRule {

    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        return c.passFailure() == null ? List.of() : List.of(EntryReason.of(reasonFor(c.passFailure())));
    }

    static ReasonCode reasonFor(PassCheck.Failure failure) {
        return switch (failure) {
            case FORGED -> ReasonCode.PASS_FORGED;
            case REVOKED -> ReasonCode.PASS_REVOKED;
            case EXPIRED -> ReasonCode.PASS_EXPIRED;
            case OTHER_ESTATE -> ReasonCode.PASS_OTHER_ESTATE;
        };
    }
}
