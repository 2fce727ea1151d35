package com.estateguard.access.internal.renovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A renovation site admits within its period, each worker once, and at most the cap at once. */
class RenovationSiteAdmissionTest {

    private static final LocalDate DAY = LocalDate.of(2022, 4, 10);
    private final RenovationSite site = new RenovationSite(1L, 3, DAY.minusDays(1), DAY.plusDays(20));

    @Test
    void admitsUpToTheCapThenRefusesTheNextAsFull() {
        var onSite = new RenovationSite.OnSite(DAY, Set.of());
        for (long worker = 1; worker <= 4; worker++) {
            onSite = site.admit(worker, onSite, 4);
        }
        assertThat(onSite.count()).isEqualTo(4);
        var full = onSite;
        assertThatThrownBy(() -> site.admit(5, full, 4)).isInstanceOf(SiteFull.class).hasMessage("site.error.full");
    }

    @Test
    void aLowerCapInThePolicyFillsTheSiteSooner() {
        var two = new RenovationSite.OnSite(DAY, Set.of(1L, 2L));
        assertThatThrownBy(() -> site.admit(3, two, 2)).isInstanceOf(SiteFull.class);
        assertThat(site.admit(3, two, 3).workerIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aWorkerAlreadyInsideIsNotAdmittedTwice() {
        var one = new RenovationSite.OnSite(DAY, Set.of(1L));
        assertThatThrownBy(() -> site.checkArrival(1, one)).isInstanceOf(WorkerAlreadyOnSite.class);
        assertThatThrownBy(() -> site.admit(1, one, 4)).isInstanceOf(WorkerAlreadyOnSite.class);
    }

    @Test
    void noOneIsAdmittedOutsideTheSitesPeriod() {
        assertThatThrownBy(() -> site.checkArrival(1, new RenovationSite.OnSite(DAY.minusDays(2), Set.of())))
                .isInstanceOf(SiteNotOpen.class);
        assertThatThrownBy(() -> site.admit(1, new RenovationSite.OnSite(DAY.plusDays(21), Set.of()), 4))
                .isInstanceOf(SiteNotOpen.class);
        site.checkArrival(1, new RenovationSite.OnSite(DAY.plusDays(20), Set.of()));
    }
}
