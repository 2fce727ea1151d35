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

    public Optional<HealthCodeResult> healthCode(String scannedPayload) {
        if (scannedPayload == null || scannedPayload.isBlank() || scannedPayload.length() > 512) {
            return Optional.empty();
        }
        String payload = scannedPayload.trim();
        return sources.stream().map(s -> s.healthCode(payload)).flatMap(Optional::stream).findFirst();
    }

    /** The newest NAT from the real sources; the demo source answers only when none of them does. */
    public Optional<NatRecord> latestNat(String personKey) {
        Comparator<NatRecord> bySampleTime = Comparator.comparing(NatRecord::sampledAt);
        return newest(personKey, false, bySampleTime).or(() -> newest(personKey, true, bySampleTime));
    }

    private Optional<NatRecord> newest(String personKey, boolean demo, Comparator<NatRecord> order) {
        return sources.stream().filter(s -> s.demo() == demo).map(s -> s.latestNat(personKey))
                .flatMap(Optional::stream).max(order);
    }
}
