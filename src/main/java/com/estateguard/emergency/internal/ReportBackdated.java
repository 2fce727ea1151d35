package com.estateguard.emergency.internal;

import com.estateguard.common.InvalidInputException;

/** A report time before the moment the report is entered: a report is recorded when made, never back-dated. */
public class ReportBackdated extends InvalidInputException {
    public ReportBackdated() {
        super("emergency.error.reportBackdated");
    }
}
