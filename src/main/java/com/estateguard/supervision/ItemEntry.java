package com.estateguard.supervision;

import java.math.BigDecimal;

/**
 * What the inspector entered for one template item.
 *
 * @param itemId the template item
 * @param value  the number entered for a scored item: the score (ALL_OR_NOTHING: 0 or the maximum; GRADED:
 *               within the range) or, for DEDUCTION, the points deducted; null for YES_NO_NA and TEXT items
 * @param answer the answer to a YES_NO_NA item; null otherwise
 * @param note   what the inspector saw (optional; the finding itself for a TEXT item)
 */
public record ItemEntry(long itemId, BigDecimal value, YesNoNa answer, String note) {
}
