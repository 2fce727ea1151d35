package com.estateguard.access.internal.rules;

import com.estateguard.policy.ReasonCode;

/** One reason a rule gave, with the figures behind it (e.g. "38.1 > 37.3"). */
public record Reason(ReasonCode code, String detail) {

    public static Reason of(ReasonCode code) {
        return new Reason(code, "");
    }
}
