package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.supervision.internal.ItemRules;
import com.estateguard.supervision.internal.Scoresheet;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each scoring mode's rule, the pass mark boundary and a sheet without points. */
class ScoringRulesTest {

    static TemplateItem item(long id, ScoringMode mode, String max, String min) {
        return new TemplateItem(id, 1, 1, "部分", (int) id, "检查项" + id, new BigDecimal(max), new BigDecimal(min), mode, null);
    }

    static ItemEntry value(long id, String v) {
        return new ItemEntry(id, new BigDecimal(v), null, null);
    }

    static ItemEntry answer(long id, YesNoNa a) {
        return new ItemEntry(id, null, a, null);
    }

    @Test
    void allOrNothingGivesFullMarksOrNoneAndRefusesAnythingBetween() {
        TemplateItem item = item(1, ScoringMode.ALL_OR_NOTHING, "3", "0");   // 建立落实得3分，未建立落实不得分
        assertThat(ItemRules.refusal(item, value(1, "3"))).isEmpty();
        assertThat(ItemRules.outcome(item, value(1, "3"))).isEqualTo(new ItemRules.Outcome(new BigDecimal("3"), false));
        assertThat(ItemRules.outcome(item, value(1, "0")).failed()).isTrue();
        assertThat(ItemRules.refusal(item, value(1, "2"))).get().extracting(InvalidItemValues.Refusal::messageKey)
                .isEqualTo("supervision.item.allOrNothing");
        assertThat(ItemRules.refusal(item, null)).get().extracting(InvalidItemValues.Refusal::messageKey)
                .isEqualTo("supervision.item.valueMissing");
    }

    @Test
    void gradedGivesAScoreWithinItsRange() {
        TemplateItem item = item(1, ScoringMode.GRADED, "3", "1");   // 视工作实际情况给予1-3分
        assertThat(ItemRules.refusal(item, value(1, "1"))).isEmpty();
        assertThat(ItemRules.refusal(item, value(1, "2.5"))).isEmpty();
        assertThat(ItemRules.outcome(item, value(1, "2")).failed()).isTrue();
        assertThat(ItemRules.outcome(item, value(1, "3")).failed()).isFalse();
        assertThat(ItemRules.refusal(item, value(1, "0"))).isPresent();
        assertThat(ItemRules.refusal(item, value(1, "3.5"))).isPresent();
        assertThat(ItemRules.refusal(item, value(1, "2.25"))).isPresent();
    }

    @Test
    void deductionTakesPointsOffFullMarks() {
        TemplateItem item = item(1, ScoringMode.DEDUCTION, "10", "0");   // 配合得10分，配合不到位酌情扣1-10分
        assertThat(ItemRules.outcome(item, value(1, "0"))).isEqualTo(new ItemRules.Outcome(new BigDecimal("10"), false));
        assertThat(ItemRules.outcome(item, value(1, "4"))).isEqualTo(new ItemRules.Outcome(new BigDecimal("6"), true));
        assertThat(ItemRules.outcome(item, value(1, "10")).score()).isEqualByComparingTo("0");
        assertThat(ItemRules.refusal(item, value(1, "11"))).get().extracting(InvalidItemValues.Refusal::messageKey)
                .isEqualTo("supervision.item.deduction");
        assertThat(ItemRules.refusal(item, value(1, "-1"))).isPresent();
    }

    @Test
    void yesNoNotApplicableHasNoPointsAndNoFails() {
        TemplateItem item = item(1, ScoringMode.YES_NO_NA, "0", "0");
        assertThat(ItemRules.outcome(item, answer(1, YesNoNa.YES))).isEqualTo(new ItemRules.Outcome(null, false));
        assertThat(ItemRules.outcome(item, answer(1, YesNoNa.NA)).failed()).isFalse();
        assertThat(ItemRules.outcome(item, answer(1, YesNoNa.NO)).failed()).isTrue();
        assertThat(ItemRules.refusal(item, value(1, "1"))).get().extracting(InvalidItemValues.Refusal::messageKey)
                .isEqualTo("supervision.item.answerMissing");

        List<TemplateItem> form = List.of(item, item(2, ScoringMode.YES_NO_NA, "0", "0"), item(3, ScoringMode.TEXT, "0", "0"));
        Scoresheet allYes = Scoresheet.score(form, entries(answer(1, YesNoNa.YES), answer(2, YesNoNa.NA)), null, new BigDecimal("60"));
        assertThat(allYes.qualified()).isTrue();
        assertThat(allYes.passMark()).isNull();
        Scoresheet oneNo = Scoresheet.score(form, entries(answer(1, YesNoNa.YES), answer(2, YesNoNa.NO)), null, new BigDecimal("60"));
        assertThat(oneNo.qualified()).isFalse();
        assertThat(oneNo.failedItemIds()).containsExactly(2L);
    }

    @Test
    void sixtyOfAHundredIsQualifiedAndFiftyNineAndAHalfIsNot() {
        List<TemplateItem> sheet = List.of(item(1, ScoringMode.GRADED, "100", "0"));
        BigDecimal policy = new BigDecimal("60");
        Scoresheet sixty = Scoresheet.score(sheet, entries(value(1, "60")), null, policy);
        assertThat(sixty.passMark()).isEqualByComparingTo("60");
        assertThat(sixty.qualified()).isTrue();
        assertThat(Scoresheet.score(sheet, entries(value(1, "59.5")), null, policy).qualified()).isFalse();
        assertThat(Scoresheet.score(sheet, entries(value(1, "59.9")), null, policy).qualified()).isFalse();
        // The pass mark follows the template's total, and the template's own pass mark wins over the policy's.
        List<TemplateItem> fifty = List.of(item(1, ScoringMode.GRADED, "50", "0"));
        assertThat(Scoresheet.score(fifty, entries(value(1, "30")), null, policy).passMark()).isEqualByComparingTo("30");
        assertThat(Scoresheet.score(fifty, entries(value(1, "30")), new BigDecimal("40"), policy).qualified()).isFalse();
    }

    @Test
    void everyImpossibleValueIsRefusedAtOnceNamingItsItem() {
        List<TemplateItem> sheet = List.of(item(1, ScoringMode.ALL_OR_NOTHING, "3", "0"), item(2, ScoringMode.DEDUCTION, "5", "0"),
                item(3, ScoringMode.GRADED, "3", "1"));
        assertThatThrownBy(() -> Scoresheet.score(sheet, entries(value(1, "1"), value(2, "6"), value(3, "2")), null, new BigDecimal("60")))
                .isInstanceOfSatisfying(InvalidItemValues.class, e -> {
                    assertThat(e.refusals()).extracting(InvalidItemValues.Refusal::itemId).containsExactly(1L, 2L);
                    assertThat(e.refusals()).extracting(InvalidItemValues.Refusal::itemText).containsExactly("检查项1", "检查项2");
                });
    }

    private static Map<Long, ItemEntry> entries(ItemEntry... entries) {
        Map<Long, ItemEntry> map = new LinkedHashMap<>();
        for (ItemEntry e : entries) {
            map.put(e.itemId(), e);
        }
        return map;
    }
}
