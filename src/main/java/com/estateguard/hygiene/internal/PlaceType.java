package com.estateguard.hygiene.internal;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/** The kinds of place a hygiene plan covers (HYG-01..05, 07, 08), each with what the policy asks of it. */
public enum PlaceType {
    LOBBY, CORRIDOR, CAR_PARK, STAIRWELL, LIFT_HALL, LIFT_CAR, TOUCH_POINTS, WASTE_BINS, INDOOR_ROOM, CHECKPOINT,
    SEPTIC_TANK;

    /** Agents the seeds allow here: alcohol only for touch points, ventilation alone only for indoor rooms. */
    public Set<Agent> allowedAgents() {
        return switch (this) {
            case TOUCH_POINTS -> EnumSet.of(Agent.CHLORINE, Agent.ALCOHOL_75);
            case INDOOR_ROOM -> EnumSet.allOf(Agent.class);
            default -> EnumSet.of(Agent.CHLORINE);
        };
    }

    public Agent defaultAgent() {
        return switch (this) {
            case TOUCH_POINTS -> Agent.ALCOHOL_75;
            case INDOOR_ROOM -> Agent.VENTILATION_ONLY;
            default -> Agent.CHLORINE;
        };
    }

    /** The policy's floor for this kind of place; a plan may be stricter, never weaker. */
    public Requirement policyRequirement(HygieneParameters p) {
        boolean bins = this == WASTE_BINS;
        int min = bins ? p.wasteBinChlorineMgL() : p.chlorineMinMgL();
        int max = bins ? Math.max(p.wasteBinChlorineMgL(), p.chlorineMaxMgL()) : p.chlorineMaxMgL();
        return new Requirement(p.disinfectionTimesPerDay(), allowedAgents(), min, max, ventilationMinutes(p),
                this == LIFT_CAR ? p.liftWipeHeightM() : null);
    }

    private int ventilationMinutes(HygieneParameters p) {
        return switch (this) {
            case INDOOR_ROOM -> p.indoorVentilationMinutes();
            case TOUCH_POINTS, WASTE_BINS, SEPTIC_TANK -> 0;
            default -> p.ventilationMinutes();
        };
    }

    /** What a record must meet: the stricter of the plan and the policy in force. */
    public record Requirement(int timesPerDay, Set<Agent> agents, int minMgL, int maxMgL, int ventilationMinutes,
                              BigDecimal wipeHeightM) {

        public Requirement strictest(Requirement plan) {
            return new Requirement(Math.max(timesPerDay, plan.timesPerDay), agents,
                    Math.max(minMgL, plan.minMgL), Math.min(maxMgL, plan.maxMgL),
                    Math.max(ventilationMinutes, plan.ventilationMinutes),
                    wipeHeightM == null ? null : plan.wipeHeightM == null ? wipeHeightM : wipeHeightM.max(plan.wipeHeightM));
        }
    }
}
