package com.estateguard.emergency.internal;

import com.estateguard.common.InvalidInputException;

/** An onset, sampling or report time later than now: what has not happened cannot be recorded. */
public class TimeInTheFuture extends InvalidInputException {
    public TimeInTheFuture() {
        super("emergency.error.timeInTheFuture");
    }
}
