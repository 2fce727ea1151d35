package com.estateguard.supervision.internal.campaign;

import com.estateguard.supervision.InspectionKind;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A supervision campaign (专项督导行动, SPV-04): a region, the template its inspections use, the
 * kinds of inspection it runs and its phases (Zhongshan: 第一阶段 2022-04-19..04-26, 第二阶段 视疫情防控形势持续开展).
 */
public record Campaign(long id, String name, long regionId, String regionPath, String regionName, long templateId,
                       List<InspectionKind> kinds, List<Phase> phases, int version) {

    public boolean runs(InspectionKind kind) {
        return kinds.contains(kind);
    }

    public Optional<Phase> phase(long phaseId) {
        return phases.stream().filter(p -> p.id() == phaseId).findFirst();
    }

    /** The phase running on the day; otherwise the latest one begun; otherwise the first. */
    public Phase current(LocalDate day) {
        return phases.stream().filter(p -> p.contains(day)).findFirst()
                .or(() -> phases.stream().filter(p -> !p.startsOn().isAfter(day)).max(Comparator.comparingInt(Phase::position)))
                .orElse(phases.get(0));
    }

    public Phase last() {
        return phases.get(phases.size() - 1);
    }

    /** A phase with its dates; no end means it continues until the next phase begins. */
    public record Phase(long id, long campaignId, int position, String name, LocalDate startsOn, LocalDate endsOn) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
        }
    }
}
