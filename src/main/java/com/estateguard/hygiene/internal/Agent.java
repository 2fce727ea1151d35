package com.estateguard.hygiene.internal;

/** What the place was treated with: available chlorine (含氯消毒液), 75 % alcohol, or air only (通风). */
public enum Agent {
    CHLORINE, ALCOHOL_75, VENTILATION_ONLY
}
