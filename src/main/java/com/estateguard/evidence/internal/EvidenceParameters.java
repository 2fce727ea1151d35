package com.estateguard.evidence.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of the evidence module: this module's policy group, stored under "evidence"
 * (V67 writes it into every stored version, so the number in force is stored whole).
 *
 * @param retentionDays check records, visitor and returnee records, health results and their photos
 *                      older than this many days are purged (PIPL: kept only as long as needed)
 */
public record EvidenceParameters(@Min(1) @Max(3650) int retentionDays) {

    /** Declares the group to the policy module. The source documents name no period; every preset takes 28 days. */
    @Component
    static class Group implements PolicyGroup<EvidenceParameters> {

        @Override
        public String key() {
            return "evidence";
        }

        @Override
        public Class<EvidenceParameters> type() {
            return EvidenceParameters.class;
        }

        @Override
        public EvidenceParameters seed(PolicyPreset preset) {
            return new EvidenceParameters(28);
        }
    }
}
