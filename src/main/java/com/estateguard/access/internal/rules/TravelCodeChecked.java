package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * "三核查" (001, ACC-08), the third: the travel code (行程码) is seen where the policy asks it of
 * this category; one asked for and not shown counts as not checked. What it shows is
 * {@link TravelCodeClear}'s question.
 */
final class TravelCodeChecked implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        boolean required = c.policy().required(c.category()).contains(CheckKind.TRAVEL_CODE);
        return required && !c.evidence().threeChecksOrNone().travelCodeChecked()
                ? List.of(EntryReason.of(ReasonCode.MISSING_TRAVEL_CODE)) : List.of();
    }
}
