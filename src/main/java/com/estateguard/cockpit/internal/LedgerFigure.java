package com.estateguard.cockpit.internal;

import java.time.LocalDate;

/**
 * The ledgers' figures the cockpit shows, in page order, each with the list behind it: for a region, the list narrowed
 * to that region ({@code {region}} its id) with the figure's condition; for an estate, its own page or the list narrowed
 * to it ({@code {estate}} its id). {@code {day}} is the day shown and {@code {since}} the first of its last 30 days.
 * {@code alarming}: above zero it shows in red.
 */
enum LedgerFigure {
    FOLLOWUP_OPEN("FOLLOWUP.OPEN", "/follow-ups?region={region}", "/follow-ups?estate={estate}", true),
    REPORT_SUBMITTED("REPORT.SUBMITTED", "/daily-reports?date={day}&region={region}&status=SUBMITTED&status=SUBMITTED_LATE",
            "/daily-reports/estates/{estate}?date={day}", false),
    REPORT_LATE("REPORT.LATE", "/daily-reports?date={day}&region={region}&status=OVERDUE&status=SUBMITTED_LATE",
            "/daily-reports/estates/{estate}?date={day}", true),
    REPORT_MISSING("REPORT.MISSING", "/daily-reports?date={day}&region={region}&status=OVERDUE",
            "/daily-reports/estates/{estate}?date={day}", true),
    HYGIENE_DUE("HYGIENE.DUE", "/hygiene?date={day}&region={region}", "/hygiene/estates/{estate}?date={day}", false),
    HYGIENE_DONE("HYGIENE.DONE", "/hygiene?date={day}&region={region}", "/hygiene/estates/{estate}?date={day}", false),
    HYGIENE_NON_COMPLIANT("HYGIENE.NON_COMPLIANT", "/hygiene?date={day}&region={region}&noncompliant=true", "/hygiene/estates/{estate}?date={day}", true),
    SUPPLY_BELOW_COVER("SUPPLY.BELOW_COVER", "/supplies?region={region}", "/supplies/estates/{estate}?date={day}", true),
    STAFF_UNFIT("STAFF.UNFIT", "/staff-health?date={day}&region={region}&unfit=true", "/staff-health/estates/{estate}?date={day}",
            true),
    INCIDENT_OPEN("INCIDENT.OPEN", "/emergency?region={region}", "/emergency?estate={estate}", true),
    INCIDENT_LATE_REPORTS("INCIDENT.LATE_REPORTS", "/emergency?region={region}&all=true", "/emergency?estate={estate}&all=true",
            true),
    ORDER_OPEN("SUPERVISION.ORDERS_OPEN", "/supervision/orders?region={region}", "/supervision/orders?estate={estate}", true),
    INSPECTED("SUPERVISION.INSPECTED", "/supervision/inspections?region={region}&from={since}&to={day}&corrections=false",
            "/supervision/inspections?estate={estate}&from={since}&to={day}&corrections=false", false);

    /** How many days back the "inspected" figure counts, the day itself included (CockpitSupervisionFigures). */
    private static final int INSPECTED_DAYS = 30;

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

    /** The list behind the figure of a place of the drill-down on the day. */
    public String link(Cockpit.Place place, LocalDate day) {
        String link = place.estate() ? estateLink.replace("{estate}", Long.toString(place.id()))
                : regionLink.replace("{region}", Long.toString(place.id()));
        return link.replace("{since}", day.minusDays(INSPECTED_DAYS - 1).toString()).replace("{day}", day.toString());
    }
}
