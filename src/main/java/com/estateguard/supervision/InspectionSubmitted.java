package com.estateguard.supervision;

import com.estateguard.org.EstateId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An inspection was submitted (committed). Campaign coverage, rectification orders and re-checks react to it.
 *
 * @param campaignId    the campaign, if any
 * @param phaseId       the campaign phase, if any
 * @param failedItemIds the template items short of full marks or answered "no"
 * @param rechecks      for a re-check, the inspection it re-checks
 * @param corrects      for a correction, the inspection it replaces
 */
public record InspectionSubmitted(InspectionId inspectionId, EstateId estateId, Long campaignId, Long phaseId,
                                  InspectionKind kind, BigDecimal score, boolean qualified, List<Long> failedItemIds,
                                  Instant at, InspectionId rechecks, InspectionId corrects) {
}
