package com.estateguard.supervision;

import java.math.BigDecimal;

/**
 * One item of a template version, in order.
 *
 * @param maxPoints   full marks (0 for YES_NO_NA and TEXT)
 * @param minPoints   the lowest score the rule allows (GRADED: the range's low end; DEDUCTION: full marks less the largest deduction)
 * @param evidenceKey the {@link RecordEvidence} figure shown beside it, if any
 */
public record TemplateItem(long id, long sectionId, int sectionPosition, String sectionTitle, int position, String text,
                           BigDecimal maxPoints, BigDecimal minPoints, ScoringMode mode, String evidenceKey) {
}
