package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * "不得以扫码代替查验": a credential presented but not verified fails where one is required. A pass that
 * failed verification gives its own reason instead ({@link PassMustBeValid}).
 */
final class CredentialVerified implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        var cred = c.evidence().credential();
        boolean required = c.policy().required(c.category()).contains(CheckKind.CREDENTIAL);
        if (cred == null || !required || cred.verified() || (cred.accessControl() && c.category().livesHere())
                || c.passFailure() != null) {
            return List.of();
        }
        return List.of(EntryReason.of(ReasonCode.CREDENTIAL_NOT_VERIFIED, cred.type().name()));
    }
}
