package com.estateguard.supervision.internal.circular;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a circular (通报) says about a campaign phase, frozen when it is published: estates inspected
 * and their scores, the unqualified ones with their failed items and rectification, the good
 * examples, and the training spot check of each inspected estate's gate staff (seed 000).
 */
public record CircularFigures(String campaignName, String phaseName, LocalDate startsOn, LocalDate endsOn, Instant compiledAt,
                              int estatesInScope, List<EstateResult> results, List<EstateResult> goodExamples,
                              List<TrainingCheck> training) {

    /** One estate's result in the phase: its latest inspection (not a re-check, not corrected). */
    public record EstateResult(long estateId, String estateName, String regionName, String companyName, long inspectionId,
                               BigDecimal score, BigDecimal maxScore, BigDecimal passMark, boolean qualified, Instant inspectedAt,
                               String inspector, List<FailedLine> failedItems, String rectification, LocalDate dueOn,
                               boolean overdue) {
    }

    public record FailedLine(String text, BigDecimal score, BigDecimal max) {
    }

    /**
     * The estate's staff on duty and how many of them were trained in the recent window (staff's
     * {@code staff.training} figure); null counts: the estate keeps no training record at all.
     */
    public record TrainingCheck(long estateId, String estateName, Integer gateStaff, Integer trained, BigDecimal share) {

        public boolean allTrained() {
            return share != null && share.compareTo(BigDecimal.ONE) >= 0;
        }
    }

    public int inspected() {
        return results.size();
    }

    public List<EstateResult> unqualified() {
        return results.stream().filter(r -> !r.qualified()).toList();
    }

    public long qualifiedCount() {
        return results.stream().filter(EstateResult::qualified).count();
    }

    /** The mean score of the estates inspected, to one decimal; null when none was. */
    public BigDecimal averageScore() {
        if (results.isEmpty()) {
            return null;
        }
        return results.stream().map(EstateResult::score).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(results.size()), 1, java.math.RoundingMode.HALF_UP);
    }
}
