package com.estateguard.emergency.internal.communication;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import com.estateguard.notices.CaseKind;
import com.estateguard.notices.NoticeDesk;
import com.estateguard.notices.PublicityChannel;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;

/**
 * Communication in an incident (EMG-10, seed 004 四(七)): the case notice drafted from the incident and
 * published de-identified by the notices module (the case's name never leaves this service except
 * into that de-identification), and risk-communication messages to residents on the estate's
 * channels, refused when they identify anyone. A drill publishes nothing: it stays out of notices.
 */
@Service
public class IncidentCommunication {

    public record NoticeForm(@NotNull(message = "{ntc.error.kind}") CaseKind kind,
                             @NotBlank(message = "{ntc.error.building}") String building,
                             @NotNull(message = "{ntc.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate caseDate,
                             @Size(max = 200, message = "{ntc.error.note}") String note) {
    }

    public record MessageForm(@NotNull(message = "{pub.error.channel}") PublicityChannel channel,
                              @NotBlank(message = "{ntc.error.message}") @Size(max = 200, message = "{ntc.error.message}") String text) {
    }

    /** The notice as the incident suggests it; staff choose the building and may change the rest. */
    public record Draft(IncidentSummary incident, CaseKind kind, LocalDate caseDate, List<String> buildings) {
    }

    private final Incidents incidents;
    private final NoticeDesk desk;
    private final OrgDirectory org;
    private final ZoneId zone;

    IncidentCommunication(Incidents incidents, NoticeDesk desk, OrgDirectory org, ZoneId zone) {
        this.incidents = incidents;
        this.desk = desk;
        this.org = org;
        this.zone = zone;
    }

    public Draft draft(IncidentId id, CurrentUser user) {
        IncidentSummary incident = incidents.get(id, user);
        return new Draft(incident, kindOf(incident.kind()), incident.indexMoment().atZone(zone).toLocalDate(),
                org.buildings(incident.estate()));
    }

    /** Confirmed and asymptomatic infections are published as confirmed cases; symptoms and suspicion as suspected. */
    static CaseKind kindOf(IncidentKind kind) {
        return kind == IncidentKind.CONFIRMED || kind == IncidentKind.ASYMPTOMATIC ? CaseKind.CONFIRMED : CaseKind.SUSPECTED;
    }

    public long publishNotice(IncidentId id, NoticeForm form, CurrentUser user) {
        IncidentSummary incident = realIncident(id, user);
        long notice = desk.publishCase(incident.estate(),
                new NoticeDesk.CaseDraft(form.kind(), incident.caseName(), form.building(), form.caseDate(), form.note()), user);
        incidents.log(id, "NOTICE_PUBLISHED", "病例公示已发布（去标识化）：" + form.building(), user.actor());
        return notice;
    }

    public void publishMessage(IncidentId id, MessageForm form, CurrentUser user) {
        IncidentSummary incident = realIncident(id, user);
        desk.publishMessage(incident.estate(), form.channel(), form.text(), List.of(incident.caseName()), user);
        incidents.log(id, "RISK_MESSAGE", "风险沟通（" + form.channel().name() + "）：" + form.text().strip(), user.actor());
    }

    private IncidentSummary realIncident(IncidentId id, CurrentUser user) {
        IncidentSummary incident = incidents.get(id, user);
        if (incident.drill()) {
            throw new InvalidInputException("emg.comm.error.drill");
        }
        return incident;
    }
}
