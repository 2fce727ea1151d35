package com.estateguard.supervision.internal;

import com.estateguard.supervision.InvalidItemValues;
import com.estateguard.supervision.InvalidItemValues.Refusal;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.ScoringMode;
import com.estateguard.supervision.TemplateItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole sheet scored: every item's outcome, the score, the total at full marks, the pass mark and
 * whether the estate is qualified. The total is the sum of the template's items; the pass mark is
 * the template's own or the policy's {@code passMark} (points of 100) applied to the total. A sheet
 * without points (yes / no / n.a.) is qualified when no item is answered "no".
 */
public record Scoresheet(Map<Long, ItemRules.Outcome> outcomes, BigDecimal score, BigDecimal maxScore, BigDecimal passMark,
                         boolean qualified, List<Long> failedItemIds) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /**
     * Scores the entries against the items; refuses every impossible value at once, naming each item.
     *
     * @param templatePassMark the template's own pass mark, or null
     * @param policyPassMark   the policy's pass mark, points of 100
     */
    public static Scoresheet score(List<TemplateItem> items, Map<Long, ItemEntry> entries, BigDecimal templatePassMark,
                                   BigDecimal policyPassMark) {
        List<Refusal> refusals = new ArrayList<>();
        for (TemplateItem item : items) {
            ItemRules.refusal(item, entries.get(item.id())).ifPresent(refusals::add);
        }
        for (Long id : entries.keySet()) {
            if (items.stream().noneMatch(i -> i.id() == id)) {
                refusals.add(new Refusal(id, "#" + id, "supervision.item.unknown", List.of(id)));
            }
        }
        if (!refusals.isEmpty()) {
            throw new InvalidItemValues(refusals);
        }
        Map<Long, ItemRules.Outcome> outcomes = new LinkedHashMap<>();
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        boolean anyNo = false;
        List<Long> failed = new ArrayList<>();
        for (TemplateItem item : items) {
            ItemRules.Outcome outcome = ItemRules.outcome(item, entries.get(item.id()));
            outcomes.put(item.id(), outcome);
            if (outcome.score() != null) {
                score = score.add(outcome.score());
            }
            if (item.mode() != ScoringMode.YES_NO_NA && item.mode() != ScoringMode.TEXT) {
                max = max.add(item.maxPoints());
            }
            if (outcome.failed()) {
                failed.add(item.id());
                anyNo |= item.mode() == ScoringMode.YES_NO_NA;
            }
        }
        BigDecimal pass = null;
        boolean qualified;
        if (max.signum() > 0) {
            pass = templatePassMark != null ? templatePassMark
                    : policyPassMark.multiply(max).divide(HUNDRED, 1, RoundingMode.HALF_UP);
            qualified = score.compareTo(pass) >= 0;
        } else {
            qualified = !anyNo;
        }
        return new Scoresheet(outcomes, score, max, pass, qualified, List.copyOf(failed));
    }
}
