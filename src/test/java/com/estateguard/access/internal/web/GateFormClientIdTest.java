package com.estateguard.access.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gate form's client id is time-ordered (UUID version 7): checks made one after another get ids that sort the same
 * way, so their inserts land at the end of the client-id index instead of all over it (docs/PERFORMANCE.md).
 */
class GateFormClientIdTest {

    @Test
    void aFreshFormsClientIdIsVersionSevenAndLaterFormsSortAfterIt() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(GateForm.fresh(1L, "SINGLE", null, null, null).clientId());
        }
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).isSortedAccordingTo(Comparator.comparing(UUID::toString));
    }
}
