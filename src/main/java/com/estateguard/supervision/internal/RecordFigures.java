package com.estateguard.supervision.internal;

import com.estateguard.org.EstateId;
import com.estateguard.supervision.RecordEvidence;
import com.estateguard.supervision.RecordFigure;
import com.estateguard.supervision.TemplateItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The estate's own records beside each item (SPV-03): every module's {@link RecordEvidence}, asked
 * by the keys the template's items name. A source that fails is logged and left out: the
 * inspection never waits on it.
 */
@Component
public class RecordFigures {

    private static final Logger log = LoggerFactory.getLogger(RecordFigures.class);

    /** The figures beside one item and the share they show (the lowest of them), null when none is a share. */
    public record Beside(List<RecordFigure> figures, BigDecimal share) {

        static final Beside NONE = new Beside(List.of(), null);
    }

    private final Map<String, RecordEvidence> byKey = new HashMap<>();

    RecordFigures(List<RecordEvidence> sources) {
        for (RecordEvidence source : sources) {
            for (String key : source.keys()) {
                if (byKey.putIfAbsent(key, source) != null) {
                    throw new IllegalStateException("two RecordEvidence sources answer " + key);
                }
            }
        }
    }

    /** Every key some module answers, for the template editor. */
    public List<String> keys() {
        return byKey.keySet().stream().sorted().toList();
    }

    /** The figures beside each item that names keys, by item id. */
    public Map<Long, Beside> beside(List<TemplateItem> items, EstateId estate, Instant at) {
        Map<String, Optional<RecordFigure>> cache = new HashMap<>();
        Map<Long, Beside> result = new LinkedHashMap<>();
        for (TemplateItem item : items) {
            if (item.evidenceKey() == null || item.evidenceKey().isBlank()) {
                continue;
            }
            List<RecordFigure> figures = new ArrayList<>();
            BigDecimal share = null;
            for (String key : Arrays.stream(item.evidenceKey().split(",")).map(String::trim).toList()) {
                Optional<RecordFigure> figure = cache.computeIfAbsent(key, k -> figure(k, estate, at));
                if (figure.isPresent()) {
                    figures.add(figure.get());
                    BigDecimal s = figure.get().share();
                    if (s != null && (share == null || s.compareTo(share) < 0)) {
                        share = s;
                    }
                }
            }
            result.put(item.id(), new Beside(List.copyOf(figures), share));
        }
        return result;
    }

    private Optional<RecordFigure> figure(String key, EstateId estate, Instant at) {
        RecordEvidence source = byKey.get(key);
        if (source == null) {
            return Optional.empty();
        }
        try {
            return source.figure(key, estate, at);
        } catch (RuntimeException e) {
            log.warn("Record evidence {} failed for estate {}: {}", key, estate, e.toString());
            return Optional.empty();
        }
    }
}
