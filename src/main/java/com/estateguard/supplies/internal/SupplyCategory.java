package com.estateguard.supplies.internal;

/** The supplies the seeds name (SUP-01); alcohol and disinfectants are flammable (SUP-02). */
public enum SupplyCategory {
    MASKS, DISINFECTANT_84, CHLORINE_TABLETS, HAND_SANITISER, ALCOHOL_75, THERMOMETER, PROTECTIVE_SUIT, GOGGLES,
    BOOTS, GLOVES, SPRAYER, LOUDSPEAKER, OTHER;

    /** Kept apart under a named keeper unless the estate says otherwise. */
    public boolean flammableByDefault() {
        return this == ALCOHOL_75 || this == DISINFECTANT_84 || this == HAND_SANITISER;
    }
}
