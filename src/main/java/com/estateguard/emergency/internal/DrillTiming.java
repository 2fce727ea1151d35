package com.estateguard.emergency.internal;

import com.estateguard.emergency.IncidentLogEntry;
import com.estateguard.emergency.IncidentLogKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A drill's timing report (EMG-12, 应急演练): minutes from opening to the lockdown, to the first report
 * (its reported time) and to the first contacts list (read from the timeline). Null where the step has not happened yet.
 * Real incidents get the same figures (the authorities' list shows them).
 */
public record DrillTiming(Long toLockdown, Long toFirstReport, Long toContactsList) {

    static DrillTiming of(Instant openedAt, List<IncidentLogEntry> timeline, Instant firstReportAt) {
        return new DrillTiming(minutesTo(openedAt, timeline, IncidentLogKinds.LOCKDOWN_STARTED),
                firstReportAt == null ? null : Duration.between(openedAt, firstReportAt).toMinutes(),
                minutesTo(openedAt, timeline, IncidentLogKinds.CONTACTS_LISTED));
    }

    private static Long minutesTo(Instant openedAt, List<IncidentLogEntry> timeline, String kind) {
        return timeline.stream().filter(e -> e.kind().equals(kind)).map(IncidentLogEntry::at).min(Instant::compareTo)
                .map(at -> Duration.between(openedAt, at).toMinutes()).orElse(null);
    }
}
