package com.estateguard.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** EMG-01/02: the completeness check names every gap of a plan, and none of a complete one. */
class PlanCompletenessTest {

    private static PlanCompleteness.Facts complete() {
        return new PlanCompleteness.Facts(EnumSet.allOf(PlanRole.class), 1, "北门消防通道", "1", "2", "3", "4");
    }

    @Test
    void aCompletePlanHasNoGaps() {
        assertThat(PlanCompleteness.gaps(complete())).isEmpty();
    }

    @Test
    void anEmptyPlanListsEveryPostThePointTheRoutesAndEachNumber() {
        var gaps = PlanCompleteness.gaps(new PlanCompleteness.Facts(Set.of(), 0, null, null, " ", null, null));
        assertThat(gaps).filteredOn(g -> g.messageKey().equals("emergency.gap.role")).hasSize(PlanRole.values().length);
        assertThat(gaps).extracting(PlanCompleteness.Gap::messageKey)
                .contains("emergency.gap.observationPoint", "emergency.gap.accessRoutes");
        assertThat(gaps).filteredOn(g -> g.messageKey().equals("emergency.gap.contact"))
                .extracting(PlanCompleteness.Gap::about).containsExactly("COMMUNITY", "HOUSING", "HEALTH", "CDC");
    }

    @Test
    void aPostWithoutAPersonIsNamed() {
        Set<PlanRole> staffed = EnumSet.allOf(PlanRole.class);
        staffed.remove(PlanRole.CDC_GUIDE);
        var plan = new PlanCompleteness.Facts(staffed, 1, "北门", "1", "2", "3", "4");
        assertThat(PlanCompleteness.gaps(plan)).extracting(PlanCompleteness.Gap::about).containsExactly("CDC_GUIDE");
        assertThat(PlanCompleteness.gaps(plan).get(0).aboutKey()).isEqualTo("emg.role.CDC_GUIDE");
    }

    @Test
    void noObservationPointIsAGap() {
        var c = complete();
        var plan = new PlanCompleteness.Facts(c.staffedRoles(), 0, c.accessRoutes(), "1", "2", "3", "4");
        assertThat(PlanCompleteness.gaps(plan)).extracting(PlanCompleteness.Gap::messageKey)
                .containsExactly("emergency.gap.observationPoint");
    }
}
