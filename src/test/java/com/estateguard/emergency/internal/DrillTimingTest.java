package com.estateguard.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentLogEntry;
import com.estateguard.emergency.IncidentLogKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EMG-12: a drill's minutes from opening to the lockdown, first report and first contacts list. */
class DrillTimingTest {

    private static final Instant OPENED = Instant.parse("2026-03-01T02:00:00Z");

    private static IncidentLogEntry entry(String kind, int minutes) {
        return new IncidentLogEntry(minutes, new IncidentId(1), OPENED.plus(Duration.ofMinutes(minutes)).plusSeconds(30), "x", kind, null);
    }

    @Test
    void minutesAreCountedToTheFirstOfEachStep() {
        var log = List.of(entry(IncidentLogKinds.OPENED, 0), entry(IncidentLogKinds.LOCKDOWN_STARTED, 12),
                entry(IncidentLogKinds.CONTACTS_LISTED, 95), entry(IncidentLogKinds.CONTACTS_LISTED, 40));
        var timing = DrillTiming.of(OPENED, log, OPENED.plus(Duration.ofMinutes(7)));
        assertThat(timing.toLockdown()).isEqualTo(12);
        assertThat(timing.toFirstReport()).isEqualTo(7);
        assertThat(timing.toContactsList()).isEqualTo(40);
    }

    @Test
    void aStepNotTakenHasNoFigure() {
        var timing = DrillTiming.of(OPENED, List.of(entry(IncidentLogKinds.OPENED, 0)), null);
        assertThat(timing.toLockdown()).isNull();
        assertThat(timing.toFirstReport()).isNull();
        assertThat(timing.toContactsList()).isNull();
    }
}
