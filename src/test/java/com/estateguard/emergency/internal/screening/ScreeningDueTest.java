package com.estateguard.emergency.internal.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.healthdata.NatRecord;
import com.estateguard.healthdata.NatResult;
import com.estateguard.residents.ResidentDirectory.RegisteredPerson;
import com.estateguard.staff.StaffOnSite.OnSite;
import com.estateguard.staff.StaffOnSite.StaffNat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who is due in a round and where each one stands, from the records alone. */
class ScreeningDueTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant T = Instant.parse("2026-03-10T02:00:00Z");

    final RegisteredPerson present = person(1, "在家", "k1");
    final RegisteredPerson away = person(2, "外出", "k2");
    final RegisteredPerson contact = person(3, "密接", "k3");

    @Test
    void theRegisterMinusThoseAwayMinusManagedContactsPlusStaffOnSiteOnce() {
        List<DuePerson> due = ScreeningDue.of(List.of(present, away, contact), Set.of("k2"),
                new ManagedContacts.Managed(Set.of("k3"), Set.of(8L)),
                List.of(new OnSite(7, "保安"), new OnSite(7, "保安"), new OnSite(8, "密接保洁")));
        assertThat(due).extracting(DuePerson::ref).containsExactly("R1", "S7");
        assertThat(due.get(1).place().staff()).isTrue();
    }

    @Test
    void aPositivePoolAsksForASingleReTestAndTheNewerSingleResultSettlesIt() {
        var due = ScreeningDue.of(List.of(present, away), Set.of(), ManagedContacts.Managed.NONE, List.of());
        var pool = new Sample(1, "P1", true, NatResult.POSITIVE, T, "x", List.of("R1", "R2"));
        var single = new Sample(2, "S1", false, NatResult.NEGATIVE, T.plusSeconds(3600), "x", List.of("R1"));
        var people = ScreeningOutcome.of(due, Map.of(), List.of(), List.of(pool, single), ZONE);
        assertThat(people).extracting(ScreeningOutcome.PersonStatus::status).containsExactly(TestStatus.NEGATIVE, TestStatus.RETEST);
    }

    @Test
    void theRegisterAndTheStaffRegisterCountAsResultsAndProgressIsPerBuildingAndUnit() {
        var due = ScreeningDue.of(List.of(present, away), Set.of(), ManagedContacts.Managed.NONE, List.of(new OnSite(7, "保安")));
        var people = ScreeningOutcome.of(due, Map.of("k1", new NatRecord(T, NatResult.POSITIVE, "REGISTER", false)),
                List.of(new StaffNat(7, LocalDate.of(2026, 3, 10), false)), List.of(), ZONE);
        assertThat(people).extracting(ScreeningOutcome.PersonStatus::status)
                .containsExactly(TestStatus.POSITIVE, TestStatus.UNTESTED, TestStatus.NEGATIVE);
        var progress = ScreeningOutcome.progress(people);
        assertThat(progress).hasSize(2);
        assertThat(progress.get(0).due()).isEqualTo(2);
        assertThat(progress.get(0).untested()).isEqualTo(1);
        assertThat(progress.get(1).place().staff()).isTrue();
        assertThat(ScreeningOutcome.total(people).percent()).isEqualTo(66);
    }

    private static RegisteredPerson person(long id, String name, String key) {
        return new RegisteredPerson(id, name, "1号楼", "1单元", "10" + id, key, "1101**********0000");
    }
}
