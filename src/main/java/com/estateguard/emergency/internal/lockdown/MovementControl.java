package com.estateguard.emergency.internal.lockdown;

import com.estateguard.access.Direction;
import com.estateguard.access.GatePassages;
import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentLogKinds;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import com.estateguard.healthdata.PersonKeys;
import com.estateguard.org.OrgDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an incident keeps in (EMG-06) and who may come back (EMG-13): restricted people (key group and
 * contacts) leave only with an approval that has a reason and a return time; the leaving and the
 * return are matched from the gate's records, so a late return shows without anyone typing it. A
 * recovered case's discharge is recorded here and the gate refuses their return until the rule is met.
 * The contacts work calls {@link #restrict(IncidentId, RestrictedPerson, RestrictionTier, Instant, String)}
 * for each confirmed contact.
 */
@Service
public class MovementControl {

    /** How an approval stands, from the gate's records. */
    public enum LeaveStatus { NOT_LEFT, OUT, OVERDUE, RETURNED, RETURNED_LATE }

    public record Approval(long id, String name, String idMasked, String reason, Instant leaveFrom, Instant returnBy,
                           String grantedBy, Instant leftAt, Instant returnedAt, LeaveStatus status) {

        public boolean late() {
            return status == LeaveStatus.OVERDUE || status == LeaveStatus.RETURNED_LATE;
        }
    }

    private final Lockdowns lockdowns;
    private final Incidents incidents;
    private final MovementRecords records;
    private final GatePassages passages;
    private final PersonKeys personKeys;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    MovementControl(Lockdowns lockdowns, Incidents incidents, MovementRecords records, GatePassages passages,
                    PersonKeys personKeys, OrgDirectory org, AuditTrail audit, Clock clock, ZoneId zone) {
        this.audit = audit;
        this.zone = zone;
        this.lockdowns = lockdowns;
        this.incidents = incidents;
        this.records = records;
        this.passages = passages;
        this.personKeys = personKeys;
        this.org = org;
        this.clock = clock;
    }

    /**
     * Restricts a person from now until {@code until} (null: until the incident ends). For the
     * contacts work, which has checked who may act; the incident must be open.
     */
    @Transactional
    public long restrict(IncidentId id, RestrictedPerson person, RestrictionTier tier, Instant until, String actor) {
        IncidentSummary incident = incidents.byId(id);
        if (!incident.open()) {
            throw new IncidentNotOpen(id.value());
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new InvalidInputException("error.lockdown.untilPast");
        }
        long restriction = records.restrict(incident, person, tier, now, until, actor);
        incidents.log(id, IncidentLogKinds.NOTE, "restricted #" + restriction + " " + person.name() + " " + tier, actor);
        return restriction;
    }

    /**
     * Ends the person's restrictions by this incident at once (a contact released from management):
     * the gate lets them out again. For the contacts work, which has checked who may act. Returns how
     * many restrictions were lifted.
     */
    @Transactional
    public int lift(IncidentId id, String personKey, String actor) {
        int lifted = records.liftPerson(id.value(), personKey, clock.instant(), actor);
        if (lifted > 0) {
            incidents.log(id, IncidentLogKinds.NOTE, "restriction lifted: " + lifted + " (released)", actor);
        }
        return lifted;
    }

    /**
     * The person's restrictions of this tier by this incident end at {@code until} instead (their period
     * re-computed under another protocol version). For the contacts work, which has checked who may act.
     */
    @Transactional
    public int retime(IncidentId id, String personKey, RestrictionTier tier, Instant until, String actor) {
        int changed = records.retime(id.value(), personKey, tier, until);
        if (changed > 0) {
            incidents.log(id, IncidentLogKinds.NOTE, "restriction " + tier + " until " + until + " (period re-computed)", actor);
        }
        return changed;
    }

    /** A person added by hand on the incident page, identified by their ID number as the gate reads it. */
    @Transactional
    public long restrict(IncidentId id, String idNumber, String name, String phone, RestrictionTier tier, Instant until,
                         CurrentUser user) {
        lockdowns.runnable(id, user);
        return restrict(id, person(idNumber, name, phone), tier, until, user.actor());
    }

    /** Leave for a restricted person, from now until the return time, with the reason (须经…同意). */
    @Transactional
    public void approveLeave(IncidentId id, long restrictionId, String reason, Instant returnBy, CurrentUser user) {
        lockdowns.runnable(id, user);
        var restriction = records.restriction(id.value(), restrictionId)
                .orElseThrow(() -> new NotFoundException("restriction", restrictionId));
        Instant now = clock.instant();
        if (!returnBy.isAfter(now)) {
            throw new InvalidInputException("error.lockdown.returnPast");
        }
        records.approveLeave(restriction, reason.strip(), now, returnBy, now, user.actor());
        incidents.log(id, IncidentLogKinds.NOTE, "leave approved: " + restriction.name() + " → " + returnBy, user.actor());
    }

    /** EMG-13: the case left hospital on that day; the gate refuses their return until the rule is met. */
    @Transactional
    public void recordRecovery(IncidentId id, String idNumber, String name, LocalDate dischargedOn, CurrentUser user) {
        IncidentSummary incident = lockdowns.runnable(id, user);
        if (dischargedOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("error.lockdown.dischargeFuture");
        }
        var estate = org.estateInScope(incident.estate(), user);
        records.recordRecovery(incident, estate.regionPath(), person(idNumber, name, null), dischargedOn, clock.instant(),
                user.actor());
        incidents.log(id, IncidentLogKinds.NOTE, "discharged " + dischargedOn + ": " + name, user.actor());
    }

    /** The page shows restricted people, approvals and discharges: personal data, so the view is audited. */
    public void recordView(IncidentId id, CurrentUser user) {
        IncidentSummary incident = incidents.get(id, user);
        audit.record(AuditEntry.by(user, AuditAction.CASE_VIEW, "incident " + id + " lockdown and movement")
                .inEstate(incident.estate().value()));
    }

    public List<MovementRecords.RestrictionRow> restrictions(IncidentId id, CurrentUser user) {
        incidents.get(id, user);
        return records.restrictions(id.value());
    }

    public List<MovementRecords.RecoveryRow> recoveries(IncidentId id, CurrentUser user) {
        incidents.get(id, user);
        return records.recoveries(id.value());
    }

    /** Each approval with its leaving and return as the gate recorded them. */
    public List<Approval> approvals(IncidentId id, CurrentUser user) {
        IncidentSummary incident = incidents.get(id, user);
        Instant now = clock.instant();
        return records.approvals(id.value()).stream().map(a -> {
            Optional<Instant> left = passages.firstAfter(incident.estate(), a.personKey(), Direction.OUT, a.leaveFrom().minusSeconds(1));
            Optional<Instant> back = left.flatMap(l -> passages.firstAfter(incident.estate(), a.personKey(), Direction.IN, l));
            return new Approval(a.id(), a.name(), a.idMasked(), a.reason(), a.leaveFrom(), a.returnBy(), a.grantedBy(),
                    left.orElse(null), back.orElse(null), status(left, back, a.returnBy(), now));
        }).toList();
    }

    private static LeaveStatus status(Optional<Instant> left, Optional<Instant> back, Instant returnBy, Instant now) {
        if (left.isEmpty()) {
            return LeaveStatus.NOT_LEFT;
        }
        if (back.isEmpty()) {
            return now.isAfter(returnBy) ? LeaveStatus.OVERDUE : LeaveStatus.OUT;
        }
        return back.get().isAfter(returnBy) ? LeaveStatus.RETURNED_LATE : LeaveStatus.RETURNED;
    }

    private RestrictedPerson person(String idNumber, String name, String phone) {
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
        if (!IdNumber.valid(id)) {
            throw new InvalidInputException("error.idNumber.invalid");
        }
        return new RestrictedPerson(personKeys.keyOf(id), name.strip(), IdNumber.mask(id),
                phone == null || phone.isBlank() ? null : phone.strip());
    }
}
