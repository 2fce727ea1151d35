package com.estateguard.emergency.internal.contacts;

import static com.estateguard.emergency.internal.contacts.ContactTier.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.emergency.internal.contacts.FollowUpRules.Nat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two editions' numbers and rules, case by case. */
class ContactProtocolTest {

    private static final ContactProtocol EIGHTH = ProtocolEdition.EIGHTH.protocol();
    private static final ContactProtocol NINTH = ProtocolEdition.NINTH.protocol();
    private static final LocalDate DAY_ONE = LocalDate.of(2022, 7, 1);

    @Test
    void theEighthLooksTwoDaysBackTheNinthFour() {
        Instant onset = Instant.parse("2022-07-05T08:00:00Z");
        assertThat(EIGHTH.windowStart(onset)).isEqualTo(Instant.parse("2022-07-03T08:00:00Z"));
        assertThat(NINTH.windowStart(onset)).isEqualTo(Instant.parse("2022-07-01T08:00:00Z"));
    }

    @Test
    void aCloseContactUnderTheEighthIsIsolatedFourteenDaysThenMonitoredSeven() {
        ManagementPeriod period = ManagementPeriod.of(EIGHTH, CLOSE, DAY_ONE);
        assertThat(period.isolationEndsOn()).isEqualTo(LocalDate.of(2022, 7, 14));
        assertThat(period.endsOn()).isEqualTo(LocalDate.of(2022, 7, 21));
        assertThat(EIGHTH.rule(CLOSE).centralIsolation()).isTrue();
        assertThat(period.natDates()).extracting(period::dayOf).containsExactly(1L, 4L, 7L, 14L, 16L, 21L);
    }

    @Test
    void aCloseContactUnderTheNinthIsIsolatedSevenDaysThenMonitoredThree() {
        ManagementPeriod period = ManagementPeriod.of(NINTH, CLOSE, DAY_ONE);
        assertThat(period.isolationEndsOn()).isEqualTo(LocalDate.of(2022, 7, 7));
        assertThat(period.endsOn()).isEqualTo(LocalDate.of(2022, 7, 10));
        assertThat(period.natDates()).extracting(period::dayOf).containsExactly(1L, 2L, 3L, 5L, 7L, 10L);
        assertThat(period.isolatedOn(LocalDate.of(2022, 7, 8))).isFalse();
    }

    @Test
    void aContactOfAContactIsIsolatedCentrallyUnderTheEighthAndAtHomeUnderTheNinth() {
        assertThat(EIGHTH.rule(SECONDARY).centralIsolation()).isTrue();
        assertThat(NINTH.rule(SECONDARY).centralIsolation()).isFalse();
        for (ContactProtocol protocol : List.of(EIGHTH, NINTH)) {
            ManagementPeriod period = ManagementPeriod.of(protocol, SECONDARY, DAY_ONE);
            assertThat(period.endsOn()).isEqualTo(LocalDate.of(2022, 7, 7));
            assertThat(period.natDates()).extracting(period::dayOf).containsExactly(1L, 4L, 7L);
        }
    }

    @Test
    void theKeyGroupHasNoPeriodAndNothingDue() {
        ManagementPeriod period = ManagementPeriod.of(NINTH, KEY_GROUP, DAY_ONE);
        assertThat(period.natDates()).isEmpty();
        assertThat(FollowUpRules.releaseRefusals(NINTH, KEY_GROUP, period, DAY_ONE, List.of(), List.of())).isEmpty();
    }

    @Test
    void aContactOfAContactIsReleasedOnDaySevenOnlyWhenTheCloseContactsFirstTwoTestsAreNegative() {
        ManagementPeriod period = ManagementPeriod.of(NINTH, SECONDARY, DAY_ONE);
        List<Nat> own = List.of(negative(1), negative(4), negative(7));
        LocalDate daySeven = DAY_ONE.plusDays(6);

        assertThat(FollowUpRules.releaseRefusals(NINTH, SECONDARY, period, daySeven, own, List.of(negative(1), negative(2))))
                .isEmpty();
        assertThat(FollowUpRules.releaseRefusals(NINTH, SECONDARY, period, daySeven, own, List.of(negative(1))))
                .containsExactly("contacts.release.closeContactNotClear");
        assertThat(FollowUpRules.releaseRefusals(EIGHTH, SECONDARY, period, daySeven, own, List.of(negative(1), positive(2))))
                .containsExactly("contacts.release.closeContactNotClear");
    }

    @Test
    void releaseWaitsForTheEndOfThePeriodAndEveryTestDue() {
        ManagementPeriod period = ManagementPeriod.of(NINTH, CLOSE, DAY_ONE);
        LocalDate dayFive = DAY_ONE.plusDays(4);
        List<Nat> own = List.of(negative(1), negative(2), negative(5));

        assertThat(FollowUpRules.releaseRefusals(NINTH, CLOSE, period, dayFive, own, List.of()))
                .containsExactly("contacts.release.periodNotOver", "contacts.release.natMissing");
        assertThat(FollowUpRules.overdue(period, dayFive, own)).containsExactly(DAY_ONE.plusDays(2));
        assertThat(FollowUpRules.dueToday(period, DAY_ONE.plusDays(6), own)).isTrue();
    }

    @Test
    void aPositiveCloseContactUpgradesTheirContactsUnderBothEditions() {
        for (ContactProtocol protocol : List.of(EIGHTH, NINTH)) {
            assertThat(FollowUpRules.upgradesContacts(protocol, CLOSE, positive(2))).isTrue();
            assertThat(FollowUpRules.upgradesContacts(protocol, CLOSE, negative(2))).isFalse();
            assertThat(FollowUpRules.upgradesContacts(protocol, GENERAL, positive(2))).isFalse();
        }
    }

    @Test
    void bothEditionsSearchTheSameFloorTheFloorsNextToItAndFiveMinutesAtTheGate() {
        for (ContactProtocol protocol : List.of(EIGHTH, NINTH)) {
            assertThat(protocol.sameUnitFloor()).isTrue();
            assertThat(protocol.floorsAbove()).isEqualTo(1);
            assertThat(protocol.floorsBelow()).isEqualTo(1);
            assertThat(protocol.entranceMinutes()).isEqualTo(5);
        }
    }

    private static Nat negative(int day) {
        return new Nat(DAY_ONE.plusDays(day - 1L), false);
    }

    private static Nat positive(int day) {
        return new Nat(DAY_ONE.plusDays(day - 1L), true);
    }
}
