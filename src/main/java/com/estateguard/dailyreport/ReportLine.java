package com.estateguard.dailyreport;

import java.math.BigDecimal;

/**
 * One figure of the daily report: a message key for its label, a number and its unit key
 * (may be empty). Numbers only, so the reports of many estates can be added up.
 */
public record ReportLine(String labelKey, BigDecimal value, String unitKey) {

    public static ReportLine count(String labelKey, long n) {
        return new ReportLine(labelKey, BigDecimal.valueOf(n), "report.unit.count");
    }

    public ReportLine plus(ReportLine other) {
        return new ReportLine(labelKey, value.add(other.value), unitKey);
    }
}
