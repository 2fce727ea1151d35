package com.estateguard.supervision.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Policy numbers of supervision (SPV): this module's policy group, stored under "supervision". V94
 * wrote them into every stored version; none is filled in when read.
 *
 * @param passMark                 points of 100 an inspection needs to be qualified: "考评分数低于60分视为不合格"
 *                                 (001). A template whose total is not 100 needs the same share of its total,
 *                                 unless the template sets its own pass mark.
 * @param rectificationWorkingDays working days an estate has to report its rectification: "问题整改情况需于2个工作日内报"
 *                                 (003)
 * @param sanctionYears            years a credit sanction lasts: "两年内不得参与评优评先…" (002)
 * @param evidenceGapPercent       an item is flagged when the inspector's score share (score / full marks) and the
 *                                 share the estate's own records show differ by more than this many percentage
 *                                 points. Not in the seeds: 40 is a judgement, wide enough that an inspector's
 *                                 reasonable discretion (a graded 2 of 3 beside records at 100 %) is not flagged,
 *                                 narrow enough that full marks beside records at half or less are.
 */
public record SupervisionParameters(@NotNull @DecimalMin("1") @DecimalMax("100") BigDecimal passMark,
                                    @Min(1) @Max(30) int rectificationWorkingDays,
                                    @Min(1) @Max(10) int sanctionYears,
                                    @Min(1) @Max(100) int evidenceGapPercent) {

    public static SupervisionParameters defaults() {
        return new SupervisionParameters(new BigDecimal("60"), 2, 2, 40);
    }

    /** Declares the group to the policy module. The seeds (001, 002, 003) give the same numbers to every preset. */
    @Component
    static class Group implements PolicyGroup<SupervisionParameters> {

        @Override
        public String key() {
            return "supervision";
        }

        @Override
        public Class<SupervisionParameters> type() {
            return SupervisionParameters.class;
        }

        @Override
        public SupervisionParameters seed(PolicyPreset preset) {
            return defaults();
        }
    }
}
