package com.estateguard.supervision;

import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an estate's own records show for one inspection item, contributed by the module that keeps
 * those records (the checkpoint for the gate, staff for the roster and training, hygiene for
 * disinfection, supplies for cover, emergency for the observation point), as modules contribute
 * daily-report sections. A template item names the figure it is checked against by its key; the
 * inspector decides, and a large gap between the score and the figure is flagged on the result.
 */
public interface RecordEvidence {

    /** The figure keys this source answers, e.g. {@code gate.staffed}, {@code hygiene.compliance}. */
    Set<String> keys();

    /** The figure for one key at one estate as of {@code at}; empty when the estate keeps no such record. */
    Optional<RecordFigure> figure(String key, EstateId estate, Instant at);

    /**
     * The figure for one key at many estates as of {@code at} (a circular's spot check over every
     * inspected estate): by default one {@link #figure} per estate; a source asked for thousands of
     * estates overrides it with one query over them. An estate that keeps no such record is absent.
     */
    default Map<EstateId, RecordFigure> figures(String key, Collection<EstateId> estates, Instant at) {
        Map<EstateId, RecordFigure> out = new LinkedHashMap<>();
        for (EstateId estate : estates) {
            figure(key, estate, at).ifPresent(f -> out.put(estate, f));
        }
        return out;
    }
}
