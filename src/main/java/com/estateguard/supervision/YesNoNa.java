package com.estateguard.supervision;

/** The answer to a {@link ScoringMode#YES_NO_NA} item: 是, 否, 不适用. */
public enum YesNoNa {
    YES, NO, NA
}
