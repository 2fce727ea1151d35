package com.estateguard.dailyreport.internal;

import com.estateguard.common.DomainException;

/** A day that has not begun has nothing to report yet. */
public class ReportForFutureDay extends DomainException {
    public ReportForFutureDay() {
        super("report.error.futureDay");
    }
}
