package com.estateguard.access.internal.rules;

import com.estateguard.access.internal.Evidence;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * A resident pass (出入证) shown at the gate must be genuine, current and not revoked (RES-03,
 * ACC-04). The recorder verifies the scanned token and writes the result into the credential's
 * reference as {@code pass:<id>} or {@code pass:<id|forged>:<FAILURE>}; this rule turns a failure into its reason.
 */
final class PassMustBeValid implements EntryRule {

    @Override
    public List<Reason> evaluate(EntryContext c) {
        ReasonCode code = failure(c.evidence().credential());
        return code == null ? List.of() : List.of(Reason.of(code));
    }

    static ReasonCode failure(Evidence.CredentialEvidence cred) {
        if (cred == null || cred.type() != Evidence.CredentialType.PASS || cred.verified() || cred.reference() == null
                || !cred.reference().startsWith("pass:")) {
            return null;
        }
        String[] parts = cred.reference().split(":");
        return parts.length == 3 ? ReasonCode.valueOf("PASS_" + parts[2]) : null;
    }
}
