package com.estateguard.dailyreport;

import com.estateguard.org.EstateRef;
import java.time.LocalDate;
import java.util.List;

/**
 * The extension point of the daily report (日报, COM-03): each feature that keeps a ledger
 * contributes its figures for an estate and a day by implementing this as a Spring bean. The report
 * depends on no ledger; the ledgers depend on it.
 *
 * <p>Contributed today: the checkpoint (checks, refusals by reason, fever cases, staff on duty) and
 * hygiene (disinfection count, area, compliance). Still to plug in: supplies (stock, consumption,
 * shortfall), staff health (ineligible for duty) and, from issue 3, <b>returnees</b> (返乡人员) —
 * each by one class implementing this interface in its own module, nothing to change here.
 */
public interface ReportSection {

    /** Orders the sections in the report; lower first. */
    int order();

    /** Message key of the section's heading. */
    String titleKey();

    /** The figures of one estate and day. The estate is already known to be in the reader's scope. */
    List<ReportLine> lines(EstateRef estate, LocalDate day);
}
