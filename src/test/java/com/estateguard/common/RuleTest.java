package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule shape: named rules give reasons with the module's code, a message key and its arguments. */
class RuleTest {

    enum Code { TOO_LOW, TOO_HIGH, ODD }

    private static final Rule<Integer, Code> AT_LEAST_TEN = Rule.when(n -> n < 10, n -> Reason.of(Code.TOO_LOW, "n.low", n, 10));
    private static final Rule<Integer, Code> AT_MOST_TWENTY = Rule.when(n -> n > 20, n -> Reason.of(Code.TOO_HIGH, "n.high", n));
    private static final Rule<Integer, Code> EVEN = Rule.when(n -> n % 2 != 0, n -> Reason.of(Code.ODD, "n.odd"));

    @Test
    void aRuleThatHoldsGivesNoReason() {
        assertThat(AT_LEAST_TEN.evaluate(12)).isEmpty();
    }

    @Test
    void aRuleThatFailsGivesItsCodeMessageKeyAndFigures() {
        assertThat(AT_LEAST_TEN.evaluate(7)).containsExactly(new Reason<>(Code.TOO_LOW, "n.low", List.of(7, 10)));
    }

    @Test
    void everyRuleIsAskedAndEveryReasonKeptInTheRulesOrder() {
        assertThat(Rule.everyReason(List.of(AT_LEAST_TEN, AT_MOST_TWENTY, EVEN), 7)).extracting(Reason::code)
                .containsExactly(Code.TOO_LOW, Code.ODD);
        assertThat(Rule.everyReason(List.of(EVEN, AT_MOST_TWENTY), 21)).extracting(Reason::code)
                .containsExactly(Code.ODD, Code.TOO_HIGH);
        assertThat(Rule.everyReason(List.of(AT_LEAST_TEN, AT_MOST_TWENTY, EVEN), 14)).isEmpty();
    }

    @Test
    void aRuleMayGiveSeveralReasons() {
        Rule<Integer, Code> both = n -> List.of(Reason.of(Code.TOO_LOW, "n.low"), Reason.of(Code.ODD, "n.odd"));
        assertThat(Rule.everyReason(List.of(both, EVEN), 3)).extracting(Reason::code).containsExactly(Code.TOO_LOW, Code.ODD, Code.ODD);
    }

    @Test
    void argumentsMayBeMissingAndAreHandedToTheBundleAsAnArray() {
        var reason = Reason.of(Code.TOO_LOW, "pass.refused.recentReturn", 14, null);
        assertThat(reason.args()).containsExactly(14, null);
        assertThat(reason.arguments()).containsExactly(14, null);
    }

    @Test
    void aReasonCannotBeChangedThroughTheListItWasMadeFrom() {
        List<Object> figures = new ArrayList<>(List.of(1));
        var reason = new Reason<>(Code.TOO_LOW, "n.low", figures);
        figures.add(2);
        assertThat(reason.args()).containsExactly(1);
        assertThatThrownBy(() -> reason.args().add(3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aReasonNeedsACodeAndAMessageKey() {
        assertThatThrownBy(() -> Reason.of(null, "n.low")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Reason.of(Code.TOO_LOW, null)).isInstanceOf(NullPointerException.class);
    }
}
