package com.estateguard.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.supplies.internal.DaysOfCover;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Days of cover and the shortfall against the policy's cover (30 days in the seeds). */
class DaysOfCoverTest {

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void stockDividedByTheRecentDailyUse() {
        var cover = DaysOfCover.of(n("1300"), n("700"), 7, 30);
        assertThat(cover.dailyUse()).isEqualByComparingTo("100");
        assertThat(cover.days()).isEqualByComparingTo("13");
    }

    @Test
    void belowTheCoverIsShortByWhatThirtyDaysWouldNeed() {
        var cover = DaysOfCover.of(n("1300"), n("700"), 7, 30);
        assertThat(cover.belowCover()).isTrue();
        assertThat(cover.shortfall()).isEqualByComparingTo("1700");
    }

    @Test
    void enoughForTheCoverIsNoShortfall() {
        var cover = DaysOfCover.of(n("3000"), n("700"), 7, 30);
        assertThat(cover.belowCover()).isFalse();
        assertThat(cover.shortfall()).isEqualByComparingTo("0");
        assertThat(cover.days()).isEqualByComparingTo("30");
    }

    @Test
    void aLongerPolicyCoverTurnsTheSameStockShort() {
        assertThat(DaysOfCover.of(n("3000"), n("700"), 7, 45).shortfall()).isEqualByComparingTo("1500");
    }

    @Test
    void nothingUsedMeansNoDaysFigureAndNoShortfall() {
        var cover = DaysOfCover.of(n("10"), n("0"), 7, 30);
        assertThat(cover.days()).isNull();
        assertThat(cover.belowCover()).isFalse();
    }
}
