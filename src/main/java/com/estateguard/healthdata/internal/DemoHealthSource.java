package com.estateguard.healthdata.internal;

import com.estateguard.common.IdNumber;
import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.HealthCodeResult;
import com.estateguard.healthdata.HealthSource;
import com.estateguard.healthdata.NatRecord;
import com.estateguard.healthdata.NatResult;
import com.estateguard.healthdata.PersonKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data only, labelled "演示" wherever it shows. Payload {@code DEMO:<ID>:<GREEN|YELLOW|RED>:<name>}.
 * Its NAT results are made up from the person key: sampled 0..95 hours ago, so some are too old.
 * It exists only in the demo profile (the property alone cannot switch it on in production), and the
 * checkpoint never lets one of its results alone allow an entry.
 */
@Component
@Order(2)
@Profile("demo")
@ConditionalOnProperty(name = "estateguard.demo.health-source", havingValue = "true")
class DemoHealthSource implements HealthSource {

    static final String NAME = "DEMO";
    private final PersonKeys keys;
    private final Clock clock;

    DemoHealthSource(PersonKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean demo() {
        return true;
    }

    @Override
    public Optional<HealthCodeResult> healthCode(String payload) {
        String[] parts = payload.split(":", 4);
        if (parts.length < 3 || !parts[0].equals("DEMO") || !IdNumber.valid(parts[1])) {
            return Optional.empty();
        }
        CodeStatus status;
        try {
            status = CodeStatus.valueOf(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String name = parts.length == 4 ? parts[3] : "演示人员";
        return Optional.of(new HealthCodeResult(keys.keyOf(parts[1]), name, IdNumber.mask(parts[1]), status,
                clock.instant(), NAME, true));
    }

    @Override
    public Optional<NatRecord> latestNat(String personKey) {
        long hoursAgo = Math.floorMod(personKey.hashCode(), 96);
        return Optional.of(new NatRecord(clock.instant().minus(Duration.ofHours(hoursAgo)), NatResult.NEGATIVE, NAME, true));
    }
}
