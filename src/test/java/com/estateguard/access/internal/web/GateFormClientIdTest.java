package com.estateguard.access.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The gate form's client id is time-ordered (UUID version 7) by the application's clock: checks made one after another
 * get ids that sort the same way, so their inserts land at the end of the client-id index instead of all over it
 * (docs/PERFORMANCE.md), and an id made on the server sorts with those the offline page makes from the same time.
 */
class GateFormClientIdTest {

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00.123Z");

    @Test
    void aFreshFormsClientIdIsVersionSevenAtTheClocksTimeAndLaterFormsSortAfterIt() {
        Supplier<UUID> clientIds = GateForm.clientIds(Clock.fixed(AT, ZoneOffset.UTC));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(GateForm.fresh(clientIds.get(), 1L, "SINGLE", null, null, null).clientId());
        }
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(ids.get(0).getMostSignificantBits() >>> 16).as("the first 48 bits: Unix milliseconds").isEqualTo(AT.toEpochMilli());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).isSortedAccordingTo(Comparator.comparing(UUID::toString));
    }
}
