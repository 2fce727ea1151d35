package com.estateguard.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.policy.PolicyVersionEnded;
import com.estateguard.policy.PolicyVersionInEffect;
import com.estateguard.policy.PolicyVersionNotStarted;
import com.estateguard.policy.PolicyVersionWithdrawn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A policy version can be withdrawn only before it takes effect, and only once; ended only once it has. */
class VersionScheduleTest {

    private static final Instant NOW = Instant.parse("2022-04-10T02:00:00Z");

    private static VersionSchedule effectiveAt(Instant from) {
        return new VersionSchedule(11L, from, null, null, null, null, 0);
    }

    @Test
    void aScheduledVersionIsWithdrawnBeforeItsTime() {
        VersionSchedule later = effectiveAt(NOW.plus(Duration.ofDays(1)));
        later.withdraw(NOW, "市防控办");
        assertThat(later.withdrawnAt()).isEqualTo(NOW);
        assertThat(later.withdrawnBy()).isEqualTo("市防控办");
    }

    @Test
    void aVersionInEffectIsNeverWithdrawnFromItsEffectiveTimeOn() {
        assertThatThrownBy(() -> effectiveAt(NOW).withdraw(NOW, "市防控办")).isInstanceOf(PolicyVersionInEffect.class);
        VersionSchedule past = effectiveAt(NOW.minus(Duration.ofDays(30)));
        assertThatThrownBy(() -> past.withdraw(NOW, "市防控办")).isInstanceOf(PolicyVersionInEffect.class);
        assertThat(past.withdrawnAt()).isNull();
    }

    @Test
    void aWithdrawnVersionIsNotWithdrawnAgain() {
        VersionSchedule later = effectiveAt(NOW.plus(Duration.ofDays(1)));
        later.withdraw(NOW, "市防控办");
        assertThatThrownBy(() -> later.withdraw(NOW.plusSeconds(60), "区防控办")).isInstanceOf(PolicyVersionWithdrawn.class);
        assertThat(later.withdrawnBy()).isEqualTo("市防控办");
    }

    @Test
    void aVersionInEffectIsEndedFromAMomentOnAndOnlyOnce() {
        VersionSchedule lockdown = effectiveAt(NOW.minus(Duration.ofHours(3)));
        lockdown.end(NOW, "防疫管理员");
        assertThatThrownBy(() -> lockdown.end(NOW.plusSeconds(60), "项目经理")).isInstanceOf(PolicyVersionEnded.class);
    }

    @Test
    void aScheduledOrWithdrawnVersionIsNotEnded() {
        VersionSchedule later = effectiveAt(NOW.plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> later.end(NOW, "防疫管理员")).isInstanceOf(PolicyVersionNotStarted.class);
        later.withdraw(NOW, "市防控办");
        assertThatThrownBy(() -> later.end(NOW.plus(Duration.ofDays(2)), "防疫管理员")).isInstanceOf(PolicyVersionWithdrawn.class);
    }
}
