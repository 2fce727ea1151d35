package com.estateguard.emergency.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentLogKinds;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps of an incident after opening (EMG-03/04/11): the move to the observation point, CDC staff
 * guided in, the reports, the CDC's assessment and the end. Every step is also a timeline entry.
 */
@Service
@Transactional
public class IncidentSteps {

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final OrgDirectory org;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;
    private final org.springframework.context.MessageSource messages;

    IncidentSteps(JdbcClient jdbc, IncidentService incidents, OrgDirectory org, Policies policies, Clock clock, ZoneId zone,
                  org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.org = org;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    public void moveToObservation(IncidentId id, StepForms.Move form, CurrentUser by) {
        IncidentSummary incident = openFor(id, by);
        var point = jdbc.sql("SELECT name FROM emg_observation_point WHERE id = :p AND estate_id = :e")
                .param("p", form.pointId()).param("e", incident.estate().value()).query(String.class).optional()
                .orElseThrow(() -> new InvalidInputException("emergency.error.noSuchPoint"));
        Instant now = clock.instant();
        Instant movedAt = notAfterNow(form.movedAt(), now);
        jdbc.sql("""
                        INSERT INTO emg_observation_move (incident_id, estate_id, point_id, person_name, moved_at, moved_by, recorded_at,
                                                          recorded_by)
                        VALUES (:i, :e, :p, :n, :at, :mover, :now, :by)""")
                .param("i", id.value()).param("e", incident.estate().value()).param("p", form.pointId())
                .param("n", form.personName().strip())
                .param("at", Timestamp.from(movedAt)).param("mover", form.movedBy().strip()).param("now", Timestamp.from(now))
                .param("by", by.actor()).update();
        incidents.log(id, IncidentLogKinds.MOVED_TO_OBSERVATION,
                form.personName().strip() + " → " + point + " · " + local(movedAt) + " · " + form.movedBy().strip(), by.actor());
    }

    public void cdcGuidedIn(IncidentId id, StepForms.CdcGuided form, CurrentUser by) {
        openFor(id, by);
        incidents.log(id, IncidentLogKinds.CDC_GUIDED_IN, form.cdcStaff().strip() + " · " + form.guidedBy().strip(), by.actor());
    }

    /** Records a report; refused when back-dated; marked late after the policy's deadline from opening. */
    public ReportTiming report(IncidentId id, StepForms.Report form, CurrentUser by) {
        IncidentSummary incident = openFor(id, by);
        Instant now = clock.instant();
        String regionPath = org.estateInScope(incident.estate(), by).regionPath();
        var policy = policies.inForce(regionPath, incident.openedAt());
        int deadline = policy.parameters().group(EmergencyParameters.class).reportDeadlineMinutes();
        Instant claimed = form.reportedAt() == null ? null : form.reportedAt().atZone(zone).toInstant();
        ReportTiming timing = ReportTiming.of(incident.openedAt(), deadline, claimed, now);
        jdbc.sql("""
                        INSERT INTO emg_report (incident_id, estate_id, recipient, channel, reporter, received_by, reported_at, entered_at,
                                                entered_by, deadline_at, late, policy_version_id)
                        VALUES (:i, :e, :r, :c, :rep, :recv, :at, :now, :by, :deadline, :late, :policy)""")
                .param("i", id.value()).param("e", incident.estate().value()).param("r", form.recipient().name())
                .param("c", form.channel().name())
                .param("rep", form.reporter().strip()).param("recv", form.receivedBy() == null || form.receivedBy().isBlank() ? null : form.receivedBy().strip())
                .param("at", Timestamp.from(timing.reportedAt())).param("now", Timestamp.from(now)).param("by", by.actor())
                .param("deadline", Timestamp.from(timing.deadlineAt())).param("late", timing.late()).param("policy", policy.id())
                .update();
        incidents.log(id, IncidentLogKinds.REPORTED, label("emg.recipient." + form.recipient()) + " · "
                + label("emg.channel." + form.channel()) + " · " + form.reporter().strip()
                + (timing.late() ? " · " + label("emg.late") : ""), by.actor());
        return timing;
    }

    public void recordCdcAssessment(IncidentId id, StepForms.CdcAssessment form, CurrentUser by) {
        Instant now = clock.instant();
        Instant at = notAfterNow(form.assessedAt(), now);
        incidents.change(id, by, incident -> incident.recordCdcAssessment(form.assessor(), form.result(), by.actor(), at));
        incidents.log(id, IncidentLogKinds.CDC_ASSESSED, form.assessor().strip() + " · " + form.result().strip(), by.actor());
    }

    /** Ends the incident; refused unless the CDC's assessment is recorded. Publishes IncidentEnded. */
    public void end(IncidentId id, CurrentUser by) {
        Instant now = clock.instant();
        incidents.change(id, by, incident -> incident.end(by.actor(), now));
        incidents.log(id, IncidentLogKinds.ENDED, null, by.actor());
    }

    public void note(IncidentId id, StepForms.Note form, CurrentUser by) {
        openFor(id, by);
        incidents.log(id, IncidentLogKinds.NOTE, form.text().strip(), by.actor());
    }

    private IncidentSummary openFor(IncidentId id, CurrentUser by) {
        IncidentService.requireRun(by);
        IncidentSummary incident = incidents.get(id, by);
        if (!incident.open()) {
            throw new IncidentAlreadyEnded(id);
        }
        return incident;
    }

    private Instant notAfterNow(LocalDateTime local, Instant now) {
        if (local == null) {
            return now;
        }
        Instant at = local.atZone(zone).toInstant();
        if (at.isAfter(now)) {
            throw new TimeInTheFuture();
        }
        return at;
    }

    /** Timeline text is written in Chinese, the language of the estate's records. */
    private String label(String key) {
        return messages.getMessage(key, null, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private String local(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").format(at.atZone(zone));
    }
}
