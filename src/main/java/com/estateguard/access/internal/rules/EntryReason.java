package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.ReasonCode;

/**
 * The checkpoint's reasons: the code's message is {@code reason.<CODE>}, and its one argument, when
 * there is one, is the figures behind it as written (e.g. "38.1 > 37.3"), kept with the check record
 * and shown after the message.
 */
public final class EntryReason {

    private EntryReason() {
    }

    public static Reason<ReasonCode> of(ReasonCode code) {
        return Reason.of(code, key(code));
    }

    public static Reason<ReasonCode> of(ReasonCode code, String detail) {
        return Reason.of(code, key(code), detail);
    }

    /** The figures behind the reason, empty when it has none. */
    public static String detail(Reason<ReasonCode> reason) {
        return reason.args().isEmpty() ? "" : String.valueOf(reason.args().get(0));
    }

    private static String key(ReasonCode code) {
        return "reason." + code.name();
    }
}
