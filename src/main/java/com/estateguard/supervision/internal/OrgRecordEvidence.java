package com.estateguard.supervision.internal;

import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.RecordEvidence;
import com.estateguard.supervision.RecordFigure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the organisation register shows: whether the estate has named its observation point (隔离观察点). */
@Component
class OrgRecordEvidence implements RecordEvidence {

    static final String OBSERVATION_POINT = "org.observationPoint";
    private final OrgDirectory org;

    OrgRecordEvidence(OrgDirectory org) {
        this.org = org;
    }

    @Override
    public Set<String> keys() {
        return Set.of(OBSERVATION_POINT);
    }

    @Override
    public Optional<RecordFigure> figure(String key, EstateId estate, Instant at) {
        Optional<EstateRef> ref = org.estate(estate, "R/");
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        String point = ref.get().observationPoint();
        boolean set = point != null && !point.isBlank();
        return Optional.of(new RecordFigure(key, set ? BigDecimal.ONE : BigDecimal.ZERO,
                set ? "supervision.figure.observationPoint" : "supervision.figure.noObservationPoint",
                set ? List.of(point) : List.of()));
    }
}
