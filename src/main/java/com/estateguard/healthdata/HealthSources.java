package com.estateguard.healthdata;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Asks each source in order (own registers first, demo last) and keeps the first answer. */
@Service
public class HealthSources {

    private final List<HealthSource> sources;

    HealthSources(List<HealthSource> sources) {
        this.sources = sources;
    }

    private static final Comparator<NatRecord> BY_SAMPLE_TIME = Comparator.comparing(NatRecord::sampledAt);

    public Optional<HealthCodeResult> healthCode(String scannedPayload) {
        if (scannedPayload == null || scannedPayload.isBlank() || scannedPayload.length() > 512) {
            return Optional.empty();
        }
        String payload = scannedPayload.trim();
        return sources.stream().map(s -> s.healthCode(payload)).flatMap(Optional::stream).findFirst();
    }

    /**
     * {@link #healthCode} and {@link #latestNat} of the person the code names, as one answer: the source that knows
     * the code gives its NAT in the same look-up (one statement for the registers); the other sources are asked as
     * {@link #latestNat} asks them, so the NAT is the same one.
     */
    public Optional<CodeWithNat> healthCodeWithNat(String scannedPayload) {
        if (scannedPayload == null || scannedPayload.isBlank() || scannedPayload.length() > 512) {
            return Optional.empty();
        }
        String payload = scannedPayload.trim();
        for (HealthSource source : sources) {
            var hit = source.healthCodeWithNat(payload);
            if (hit.isPresent()) {
                String key = hit.get().code().personKey();
                Optional<NatRecord> own = Optional.ofNullable(hit.get().nat());
                Optional<NatRecord> nat = newest(key, false, source, own).or(() -> newest(key, true, source, own));
                return Optional.of(new CodeWithNat(hit.get().code(), nat.orElse(null)));
            }
        }
        return Optional.empty();
    }

    /** The newest NAT from the real sources; the demo source answers only when none of them does. */
    public Optional<NatRecord> latestNat(String personKey) {
        return newest(personKey, false, null, Optional.empty()).or(() -> newest(personKey, true, null, Optional.empty()));
    }

    /** The newest of the sources' NATs; {@code asked} already gave {@code itsAnswer}. */
    private Optional<NatRecord> newest(String personKey, boolean demo, HealthSource asked, Optional<NatRecord> itsAnswer) {
        return sources.stream().filter(s -> s.demo() == demo).map(s -> s == asked ? itsAnswer : s.latestNat(personKey))
                .flatMap(Optional::stream).max(BY_SAMPLE_TIME);
    }
}
