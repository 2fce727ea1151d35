package com.estateguard.dailyreport.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One estate's daily report for one day (防疫日报, COM-03). Its submissions are append-only rows
 * (report_submission) that freeze the figures; this aggregate counts them and knows the first,
 * which decides whether the report was late. Sending again supersedes the previous submission,
 * but only for a sender who has seen it.
 */
@Table("report_day")
class DailyReport {

    @Id
    private final Long id;
    private final long estateId;
    private final LocalDate reportDate;
    private Instant firstSubmittedAt;
    private int submissions;
    @Version
    private Integer version;

    DailyReport(Long id, long estateId, LocalDate reportDate, Instant firstSubmittedAt, int submissions, Integer version) {
        this.id = id;
        this.estateId = estateId;
        this.reportDate = reportDate;
        this.firstSubmittedAt = firstSubmittedAt;
        this.submissions = submissions;
        this.version = version;
    }

    /** A day nobody has submitted yet. */
    static DailyReport unsubmitted(long estateId, LocalDate day) {
        return new DailyReport(null, estateId, day, null, 0, null);
    }

    /**
     * Submits the report. Refuses a day that has not begun, and a sender who saw fewer submissions
     * than there are now ({@code seen} is null when the sender did not say, e.g. an older form).
     */
    void submit(LocalDate today, Instant now, Integer seen) {
        if (reportDate.isAfter(today)) {
            throw new ReportForFutureDay();
        }
        if (seen != null && seen != submissions) {
            throw new ReportAlreadySubmitted();
        }
        if (firstSubmittedAt == null) {
            firstSubmittedAt = now;
        }
        submissions++;
    }

    /** Late when the first submission came after the deadline; later ones do not change it. */
    boolean lateAgainst(Instant deadline) {
        return firstSubmittedAt != null && firstSubmittedAt.isAfter(deadline);
    }

    int submissions() {
        return submissions;
    }

    Instant firstSubmittedAt() {
        return firstSubmittedAt;
    }
}
