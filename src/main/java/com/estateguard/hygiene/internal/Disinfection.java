package com.estateguard.hygiene.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** What a cleaner says was done for one task (消毒记录), before it is judged. */
public record Disinfection(Instant doneAt, Agent agent, Integer concentrationMgL, BigDecimal areaM2,
                           int ventilationMinutes, BigDecimal wipeHeightM) {
}
