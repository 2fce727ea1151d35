package com.estateguard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk only through their public API; internal packages stay internal; no cycles. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(Application.class).verify();
    }
}
