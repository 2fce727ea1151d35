package com.estateguard.dailyreport.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.dailyreport.ChainWitness;
import com.estateguard.dailyreport.ChainWitness.ChainHead;
import com.estateguard.dailyreport.ReportSection;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily report of an estate (防疫日报): compiled from every {@link ReportSection}, reviewed and
 * submitted by the prevention administrator, late when the first submission comes after the
 * policy's deadline. Streets and districts read their estates' reports and the sum of them.
 */
@Service
public class DailyReports {

    private static final TypeReference<List<SectionFigures>> SECTIONS = new TypeReference<>() { };
    private static final TypeReference<List<ChainHead>> HEADS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final DailyReportRepository days;
    private final OrgDirectory org;
    private final Policies policies;
    private final List<ReportSection> sections;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectProvider<ChainWitness> witness;

    DailyReports(JdbcClient jdbc, DailyReportRepository days, OrgDirectory org, Policies policies, List<ReportSection> sections,
                 JsonMapper json, Clock clock, ZoneId zone, ObjectProvider<ChainWitness> witness) {
        this.jdbc = jdbc;
        this.days = days;
        this.org = org;
        this.policies = policies;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ReportSection::order)).toList();
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.witness = witness;
    }

    public record Submission(long id, Instant firstSubmittedAt, String submittedBy, Instant submittedAt, String note,
                             List<SectionFigures> sections, int version, List<ChainHead> chainHeads) {
    }

    /** A report as shown: the submitted figures once sent, the live ones before. */
    public record DailyReportView(EstateRef estate, LocalDate day, Instant deadline, ReportStatus status,
                              List<SectionFigures> sections, Submission submission) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public DailyReportView report(long estateId, LocalDate day, CurrentUser user) {
        EstateRef estate = org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
        return report(estate, day);
    }

    /** Every estate in the reader's scope, for the list and the combined figures. */
    public List<DailyReportView> reports(LocalDate day, CurrentUser user) {
        return org.estates(user.scopePath()).stream().map(e -> report(e, day)).toList();
    }

    private DailyReportView report(EstateRef estate, LocalDate day) {
        Instant deadline = deadline(estate, day);
        Optional<Submission> sent = submission(estate.id(), day);
        ReportStatus status = ReportStatus.of(sent.map(Submission::firstSubmittedAt).orElse(null), deadline, clock.instant());
        return new DailyReportView(estate, day, deadline, status, sent.map(Submission::sections).orElseGet(() -> compile(estate, day)),
                sent.orElse(null));
    }

    public List<SectionFigures> compile(EstateRef estate, LocalDate day) {
        return sections.stream().map(s -> new SectionFigures(s.titleKey(), s.lines(estate, day))).toList();
    }

    Instant deadline(EstateRef estate, LocalDate day) {
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        return day.atTime(policies.inForce(estate.regionPath(), dayStart).parameters()
                        .group(DailyReportParameters.class).dailyReportDeadline())
                .atZone(zone).toInstant();
    }

    /**
     * Freezes the figures as compiled now; sending again supersedes the previous submission.
     * {@code seen} is how many submissions the sender saw (null: not said); if someone else
     * submitted since, nothing is sent. The submission carries the heads of the day's evidence
     * chains, sealed just before, as the authority's witness against a later rewrite.
     */
    @Transactional
    public long submit(long estateId, LocalDate day, String note, Integer seen, CurrentUser user) {
        EstateRef estate = org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("report.error.note");
        }
        DailyReport report = days.findByEstateIdAndReportDate(estateId, day).orElseGet(() -> DailyReport.unsubmitted(estateId, day));
        report.submit(today(), clock.instant(), seen);
        save(report);
        Instant deadline = deadline(estate, day);
        Optional<Submission> previous = submission(estateId, day);
        List<ChainHead> heads = witness.getIfAvailable(() -> (e, d) -> List.of()).sealAndHeads(estateId, day);
        return jdbc.sql("""
                        INSERT INTO report_submission (estate_id, report_date, sections, note, deadline_at, late, supersedes_id,
                                                       chain_heads, created_at, created_by)
                        VALUES (:e, :d, cast(:s AS jsonb), :note, :deadline, :late, :prev, cast(:heads AS jsonb), :now, :by) RETURNING id""")
                .param("e", estateId).param("d", day).param("s", json.writeValueAsString(compile(estate, day)))
                .param("note", note == null || note.isBlank() ? null : note.trim()).param("deadline", Timestamp.from(deadline))
                .param("late", report.lateAgainst(deadline)).param("prev", previous.map(Submission::id).orElse(null))
                .param("heads", json.writeValueAsString(heads))
                .param("now", Timestamp.from(clock.instant())).param("by", user.actor()).query(Long.class).single();
    }

    /** Two submissions at once: the second to save finds the row changed (or, for the first of the day, taken). */
    private void save(DailyReport report) {
        try {
            days.save(report);
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw new ReportAlreadySubmitted();
        }
    }

    private Optional<Submission> submission(long estateId, LocalDate day) {
        return jdbc.sql("""
                        SELECT s.id, s.created_by, s.created_at, s.note, s.sections::text AS sections, s.chain_heads::text AS heads,
                               min(s.created_at) OVER () AS first_at, count(*) OVER () AS versions
                          FROM report_submission s WHERE s.estate_id = :e AND s.report_date = :d ORDER BY s.id DESC LIMIT 1""")
                .param("e", estateId).param("d", day)
                .query((rs, i) -> new Submission(rs.getLong("id"), rs.getTimestamp("first_at").toInstant(), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("note"),
                        json.readValue(rs.getString("sections"), SECTIONS), rs.getInt("versions"),
                        rs.getString("heads") == null ? List.of() : json.readValue(rs.getString("heads"), HEADS)))
                .optional();
    }
}
