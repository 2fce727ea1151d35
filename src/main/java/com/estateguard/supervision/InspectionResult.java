package com.estateguard.supervision;

import com.estateguard.org.EstateId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A submitted inspection's result.
 *
 * @param score       the points given (0 for a template without points)
 * @param maxScore    the template's total at full marks
 * @param passMark    the points needed to be qualified (policy {@code supervision.passMark} applied to the total;
 *                    null for a template without points, which is qualified when no item is answered "no")
 * @param failedItems the items short of full marks or answered "no", in template order
 * @param flaggedItemIds items whose score share differs from the estate's records by more than the policy's gap
 * @param correctedBy the newer inspection that corrects this one, if any
 */
public record InspectionResult(InspectionId id, TemplateId template, EstateId estate, InspectionKind kind,
                               Long campaignId, Long phaseId, InspectionId rechecks, InspectionId corrects,
                               BigDecimal score, BigDecimal maxScore, BigDecimal passMark, boolean qualified,
                               List<FailedItem> failedItems, List<Long> flaggedItemIds,
                               String inspectorName, Instant submittedAt, InspectionId correctedBy) {
}
