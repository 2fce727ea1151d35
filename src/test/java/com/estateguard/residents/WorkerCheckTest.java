package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.internal.renovation.WorkerCheck.Refusal;
import com.estateguard.access.internal.renovation.WorkerCheck;
import com.estateguard.common.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A renovation worker's daily check: the site cap (4 in 001, a policy number) and the NAT register. */
class WorkerCheckTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final WorkerCheck.Limits SEED = new WorkerCheck.Limits(new BigDecimal("37.3"), 72, 4);

    @Test
    void theFourthWorkerIsAdmittedTheFifthIsNot() {
        assertThat(WorkerCheck.roomOnSite(3, 4)).isTrue();
        assertThat(WorkerCheck.roomOnSite(4, 4)).isFalse();
        assertThat(WorkerCheck.refusals(facts(3, Duration.ofHours(5)), SEED)).isEmpty();
        assertThat(WorkerCheck.refusals(facts(4, Duration.ofHours(5)), SEED)).extracting(Reason::code).containsExactly(Refusal.SITE_FULL);
    }

    @Test
    void theCapIsThePolicysNumber() {
        assertThat(WorkerCheck.refusals(facts(4, Duration.ofHours(5)), new WorkerCheck.Limits(new BigDecimal("37.3"), 72, 6))).isEmpty();
        assertThat(WorkerCheck.refusals(facts(2, Duration.ofHours(5)), new WorkerCheck.Limits(new BigDecimal("37.3"), 72, 2))).hasSize(1);
    }

    @Test
    void noNegativeResultInTheRegisterWithinTheWindowRefuses() {
        assertThat(WorkerCheck.refusals(facts(0, Duration.ofHours(73)), SEED)).extracting(Reason::code)
                .containsExactly(Refusal.NO_NEGATIVE_NAT);
        assertThat(WorkerCheck.refusals(new WorkerCheck.Facts(new BigDecimal("36.5"), true, null, false, NOW, 0), SEED)).hasSize(1);
    }

    @Test
    void feverAndANonGreenCodeAreEachReported() {
        var facts = new WorkerCheck.Facts(new BigDecimal("37.4"), false, NOW.minus(Duration.ofHours(1)), true, NOW, 0);
        assertThat(WorkerCheck.refusals(facts, SEED)).extracting(Reason::code).containsExactly(Refusal.CODE_NOT_GREEN, Refusal.FEVER);
    }

    @Test
    void eachRefusalCarriesItsMessageKeyAndFiguresNotText() {
        var facts = new WorkerCheck.Facts(new BigDecimal("37.4"), true, NOW.minus(Duration.ofHours(73)), true, NOW, 4);
        assertThat(WorkerCheck.refusals(facts, SEED)).extracting(Reason::messageKey)
                .containsExactly("site.refused.FEVER", "site.refused.NO_NEGATIVE_NAT", "site.refused.SITE_FULL");
        assertThat(WorkerCheck.refusals(facts, SEED)).extracting(Reason::args).containsExactly(
                List.of(new BigDecimal("37.4"), new BigDecimal("37.3")), List.of(72), List.of(4, 4));
    }

    private static WorkerCheck.Facts facts(int onSite, Duration natAge) {
        return new WorkerCheck.Facts(new BigDecimal("36.5"), true, NOW.minus(natAge), true, NOW, onSite);
    }
}
