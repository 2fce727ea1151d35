package com.estateguard.access.internal.rules;

import com.estateguard.access.internal.Evidence;
import com.estateguard.common.Reason;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/**
 * ACC-02/03 "不得以一项代替多项": each check the policy requires for this category must be
 * present. Whether a presented credential was verified is {@link CredentialVerified}'s question;
 * "三核查" has its own rules ({@link IdDocumentChecked}, {@link ResidencePermitChecked}, {@link TravelCodeChecked}).
 */
final class RequiredChecksPresent implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        return c.policy().required(c.category()).stream().sorted()
                .filter(kind -> !kind.threeChecks() && !present(kind, c))
                .map(kind -> EntryReason.of(missing(kind)))
                .toList();
    }

    private static ReasonCode missing(CheckKind kind) {
        return switch (kind) {
            case TEMPERATURE -> ReasonCode.MISSING_TEMPERATURE;
            case HEALTH_CODE -> ReasonCode.MISSING_HEALTH_CODE;
            case CREDENTIAL -> ReasonCode.MISSING_CREDENTIAL;
            case NAT -> ReasonCode.MISSING_NAT;
            case QUESTIONS -> ReasonCode.MISSING_QUESTIONS;
            case ID_DOCUMENT, RESIDENCE_PERMIT, TRAVEL_CODE -> throw new IllegalArgumentException(kind + " has its own rule");
        };
    }

    private static boolean present(CheckKind kind, EntryContext c) {
        Evidence e = c.evidence();
        return switch (kind) {
            case TEMPERATURE -> e.temperature() != null;
            case HEALTH_CODE -> e.healthCode() != null;
            case CREDENTIAL -> e.credential() != null;
            case NAT -> e.nat() != null;
            case QUESTIONS -> e.answers() != null && e.answers().complete();
            case ID_DOCUMENT, RESIDENCE_PERMIT, TRAVEL_CODE -> throw new IllegalArgumentException(kind + " has its own rule");
        };
    }
}
