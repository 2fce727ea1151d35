package com.estateguard.supervision.internal.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.supervision.InspectionKind;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Phases, the path arithmetic of drill-down and the spot-check draw. */
class CampaignRulesTest {

    private static final Campaign ZHONGSHAN = new Campaign(1, "物业小区落实四项攻坚战", 1, "R/1/", "中山市", 1,
            List.of(InspectionKind.SELF_HOME, InspectionKind.GROUP), List.of(
            new Campaign.Phase(10, 1, 1, "第一阶段", LocalDate.of(2022, 4, 19), LocalDate.of(2022, 4, 26)),
            new Campaign.Phase(11, 1, 2, "第二阶段", LocalDate.of(2022, 4, 27), null)), 0);

    @Test
    void theRunningPhaseIsTheOneWhoseDatesHoldTheDay() {
        assertThat(ZHONGSHAN.current(LocalDate.of(2022, 4, 19)).position()).isEqualTo(1);
        assertThat(ZHONGSHAN.current(LocalDate.of(2022, 4, 26)).position()).isEqualTo(1);
        assertThat(ZHONGSHAN.current(LocalDate.of(2022, 4, 27)).position()).isEqualTo(2);
        assertThat(ZHONGSHAN.current(LocalDate.of(2023, 1, 1)).position()).isEqualTo(2);   // 视形势持续开展
        assertThat(ZHONGSHAN.current(LocalDate.of(2022, 1, 1)).position()).isEqualTo(1);   // not begun: the first
    }

    @Test
    void drillDownTakesTheRegionOneLevelBelow() {
        assertThat(Coverage.childOf("R/1/", "R/1/4/9/12/E3/")).isEqualTo("R/1/4/");
        assertThat(Coverage.childOf("R/1/4/", "R/1/4/9/12/E3/")).isEqualTo("R/1/4/9/");
        assertThat(Coverage.childOf("R/1/4/9/12/", "R/1/4/9/12/E3/")).isEqualTo("R/1/4/9/12/E3/");
    }

    @Test
    void theSameSeedDrawsTheSameSampleAndAnotherSeedAnother() {
        List<Long> population = LongStream.rangeClosed(1, 500).boxed().toList();
        List<Long> sample = SpotChecks.draw(population, 42L, 10);
        assertThat(sample).hasSize(10).doesNotHaveDuplicates().isSubsetOf(population);
        assertThat(SpotChecks.draw(population, 42L, 10)).isEqualTo(sample);
        assertThat(SpotChecks.draw(population, 43L, 10)).isNotEqualTo(sample);
        assertThat(SpotChecks.draw(List.of(7L, 8L), 1L, 5)).containsExactlyInAnyOrder(7L, 8L);
    }
}
