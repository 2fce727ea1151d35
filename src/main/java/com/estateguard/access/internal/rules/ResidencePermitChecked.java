package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** "三核查" (001, ACC-08), the second: the residence permit (居住证) is checked where the policy asks it of this category. */
final class ResidencePermitChecked implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        boolean required = c.policy().required(c.category()).contains(CheckKind.RESIDENCE_PERMIT);
        return required && !c.evidence().threeChecksOrNone().residencePermitChecked()
                ? List.of(EntryReason.of(ReasonCode.MISSING_RESIDENCE_PERMIT)) : List.of();
    }
}
