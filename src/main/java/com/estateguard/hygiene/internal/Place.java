package com.estateguard.hygiene.internal;

import java.math.BigDecimal;

/** A place of an estate and its disinfection plan (消毒计划). */
public record Place(long id, long estateId, String name, PlaceType type, int timesPerDay, Agent agent,
                   Integer minMgL, Integer maxMgL, int ventilationMinutes, BigDecimal wipeHeightM, boolean active) {

    public PlaceType.Requirement planRequirement() {
        return new PlaceType.Requirement(timesPerDay, type.allowedAgents(), minMgL == null ? 0 : minMgL,
                maxMgL == null ? Integer.MAX_VALUE : maxMgL, ventilationMinutes, wipeHeightM);
    }
}
