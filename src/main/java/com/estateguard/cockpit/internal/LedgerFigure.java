package com.estateguard.cockpit.internal;

/**
 * The ledgers' figures the cockpit shows, in page order, each with the list behind it (for an estate,
 * {@code {estate}} is its id and {@code {day}} the day). {@code alarming}: above zero it shows in red.
 */
enum LedgerFigure {
    FOLLOWUP_OPEN("FOLLOWUP.OPEN", "/follow-ups", "/follow-ups", true),
    REPORT_SUBMITTED("REPORT.SUBMITTED", "/daily-reports?date={day}", "/daily-reports/estates/{estate}?date={day}", false),
    REPORT_LATE("REPORT.LATE", "/daily-reports?date={day}", "/daily-reports/estates/{estate}?date={day}", true),
    REPORT_MISSING("REPORT.MISSING", "/daily-reports?date={day}", "/daily-reports/estates/{estate}?date={day}", true),
    HYGIENE_DUE("HYGIENE.DUE", "/hygiene?date={day}", "/hygiene/estates/{estate}?date={day}", false),
    HYGIENE_DONE("HYGIENE.DONE", "/hygiene?date={day}", "/hygiene/estates/{estate}?date={day}", false),
    HYGIENE_NON_COMPLIANT("HYGIENE.NON_COMPLIANT", "/hygiene?date={day}&noncompliant=true", "/hygiene/estates/{estate}?date={day}", true),
    SUPPLY_BELOW_COVER("SUPPLY.BELOW_COVER", "/supplies", "/supplies/estates/{estate}?date={day}", true),
    STAFF_UNFIT("STAFF.UNFIT", "/staff-health", "/staff-health/estates/{estate}?date={day}", true),
    INCIDENT_OPEN("INCIDENT.OPEN", "/emergency", "/emergency", true),
    INCIDENT_LATE_REPORTS("INCIDENT.LATE_REPORTS", "/emergency", "/emergency", true),
    ORDER_OPEN("SUPERVISION.ORDERS_OPEN", "/supervision/orders", "/supervision/orders", true),
    INSPECTED("SUPERVISION.INSPECTED", "/supervision/inspections", "/supervision/estates/{estate}", false);

    private final String key;
    private final String regionLink;
    private final String estateLink;
    private final boolean alarming;

    LedgerFigure(String key, String regionLink, String estateLink, boolean alarming) {
        this.key = key;
        this.regionLink = regionLink;
        this.estateLink = estateLink;
        this.alarming = alarming;
    }

    public String key() {
        return key;
    }

    public String label() {
        return "cockpit.figure." + key;
    }

    public boolean alarming() {
        return alarming;
    }

    public String link(Long estateId, java.time.LocalDate day) {
        String link = estateId == null ? regionLink : estateLink.replace("{estate}", Long.toString(estateId));
        return link.replace("{day}", day.toString());
    }
}
