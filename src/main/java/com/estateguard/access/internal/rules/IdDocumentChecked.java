package com.estateguard.access.internal.rules;

import com.estateguard.access.internal.Evidence;
import com.estateguard.access.internal.Evidence.CredentialType;
import com.estateguard.common.Reason;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * "三核查" (001, ACC-08), the first: the ID document (身份证) is checked where the policy asks
 * it of this category. The guard's tap "已核验身份证" counts, and so does an ID document presented
 * as the credential and verified.
 */
final class IdDocumentChecked implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        boolean required = c.policy().required(c.category()).contains(CheckKind.ID_DOCUMENT);
        return required && !checked(c.evidence()) ? List.of(EntryReason.of(ReasonCode.MISSING_ID_DOCUMENT)) : List.of();
    }

    private static boolean checked(Evidence e) {
        boolean asCredential = e.credential() != null && e.credential().type() == CredentialType.ID_DOCUMENT
                && e.credential().verified();
        return asCredential || e.threeChecksOrNone().idDocumentChecked();
    }
}
