package com.estateguard.dailyreport.internal;

import com.estateguard.common.IllegalTransition;

/**
 * Someone else submitted the report since the sender looked at it: sending would supersede a
 * submission the sender has not seen, so they are asked to look first.
 */
public class ReportAlreadySubmitted extends IllegalTransition {
    public ReportAlreadySubmitted() {
        super("report.error.alreadySubmitted");
    }
}
