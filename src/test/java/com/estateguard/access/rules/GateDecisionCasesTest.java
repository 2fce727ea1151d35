package com.estateguard.access.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.internal.rules.EntryDecision;
import com.estateguard.access.internal.rules.EntryReason;
import com.estateguard.access.internal.rules.EntryRules;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11: the Java rules on the shared table of decision cases. The same table runs against the
 * device's rules (static/js/gate-rules.js) in OfflineGateBrowserTest; both must give its answers.
 */
class GateDecisionCasesTest {

    static Stream<GateDecisionCases.Case> cases() {
        return GateDecisionCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theJavaRulesGiveTheTablesVerdictAndReasons(GateDecisionCases.Case c) {
        EntryDecision decision = EntryRules.decide(GateDecisionCases.context(c.context(), GateDecisionCases.policy(c.policy())));
        List<Map<String, String>> reasons = decision.reasons().stream()
                .map(r -> Map.of("code", r.code().name(), "detail", EntryReason.detail(r))).toList();
        assertThat(decision.verdict().name()).as(c.name()).isEqualTo(c.expected().verdict());
        assertThat(reasons).as(c.name()).isEqualTo(c.expected().reasons());
    }

    @Test
    void theTableCoversEveryVerdictAndTheOfflineCase() {
        var verdicts = GateDecisionCases.all().stream().map(c -> c.expected().verdict()).distinct().toList();
        assertThat(verdicts).containsExactlyInAnyOrder("ALLOW", "REFUSE", "REFER");
        assertThat(GateDecisionCases.all()).anyMatch(c -> c.expected().reasons().stream()
                .anyMatch(r -> "CODE_NOT_VERIFIED".equals(r.get("code"))));
    }
}
