package com.estateguard.emergency.internal.contacts;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.emergency.EmergencyPermission;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentLogKinds;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact tracing in an incident (EMG-06, EMG-07): the chain of contacts found from the estate's
 * records under the incident's protocol version, the investigator's decisions, the change of
 * version. Seen only by the incident's estate group and the authorities above it; every view of
 * the list or the timeline is written to the audit trail. Follow-up is {@link ContactFollowUp}.
 */
@Service
@Transactional
public class ContactTracing {

    /** How deep the chain is followed: case → contacts → their contacts → theirs. */
    private static final int DEPTH = 3;

    private final Incidents incidents;
    private final ProtocolVersions protocols;
    private final CandidateFinder finder;
    private final CaseTimeline timelines;
    private final ContactRepository contacts;
    private final AuditTrail audit;
    private final ContactRestrictions restrictions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ContactTracing(Incidents incidents, ProtocolVersions protocols, CandidateFinder finder, CaseTimeline timelines,
                   ContactRepository contacts, AuditTrail audit, ContactRestrictions restrictions, JdbcClient jdbc, Clock clock,
                   ZoneId zone) {
        this.incidents = incidents;
        this.protocols = protocols;
        this.finder = finder;
        this.timelines = timelines;
        this.contacts = contacts;
        this.audit = audit;
        this.restrictions = restrictions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** The chain; the first time it is produced the incident's timeline says so ({@code CONTACTS_LISTED}). */
    public ContactTree tree(IncidentId id, CurrentUser by) {
        IncidentSummary incident = readable(id, by);
        ProtocolVersion protocol = protocolOf(incident, by);
        Instant from = protocol.protocol().windowStart(incident.indexMoment());
        Instant to = windowEnd(incident);
        List<Contact> decided = contacts.findByIncident(id.value());
        Subject subject = caseSubject(id);
        List<ContactTree.Node> nodes = nodes(incident, null, subject, protocol.protocol(), from, to, decided,
                new HashSet<>(Set.of(subject.identity())), 1);
        ContactTree tree = new ContactTree(id.value(), incident.caseName(), protocol, from, to, nodes);
        audited(by, incident, "contacts of incident #" + id.value(), tree.undecided() + tree.decided());
        firstListing(incident, tree, by);
        return tree;
    }

    /** The candidates around the case only (what the investigator first works through): the hot path the benchmark measures. */
    public List<Candidate> caseCandidates(IncidentId id, CurrentUser by) {
        IncidentSummary incident = readable(id, by);
        ContactProtocol protocol = protocolOf(incident, by).protocol();
        Subject subject = caseSubject(id);
        List<Candidate> found = finder.find(subject, protocol, new CandidateFinder.Window(incident.estate(),
                protocol.windowStart(incident.indexMoment()), windowEnd(incident)), Set.of());
        audited(by, incident, "contact candidates of incident #" + id.value(), found.size());
        return found;
    }

    public CaseTimeline.Timeline timeline(IncidentId id, CurrentUser by) {
        IncidentSummary incident = readable(id, by);
        ContactProtocol protocol = protocolOf(incident, by).protocol();
        CaseTimeline.Timeline timeline = timelines.of(caseSubject(id), new CandidateFinder.Window(incident.estate(),
                protocol.windowStart(incident.indexMoment()), windowEnd(incident)));
        audited(by, incident, "timeline of the case of incident #" + id.value(), timeline.entries().size());
        return timeline;
    }

    /** The investigator confirms a candidate with a tier or dismisses them; the decision cites the protocol version. */
    public long decide(IncidentId id, Decide decision, CurrentUser by) {
        IncidentSummary incident = runnable(id, by);
        ProtocolVersion protocol = protocolOf(incident, by);
        Candidate candidate = candidatesAround(incident, decision.parentId(), protocol.protocol()).stream()
                .filter(c -> c.identity().equals(decision.identity())).findFirst()
                .orElseThrow(() -> new NotFoundException("candidate", decision.identity()));
        return record(incident, decision.parentId(), candidate, decision.tier(), decision.dayOne(), protocol, by);
    }

    /** A person the records did not suggest, added by the investigator. */
    public long addByHand(IncidentId id, Long parentId, Candidate person, ContactTier tier, LocalDate dayOne, CurrentUser by) {
        IncidentSummary incident = runnable(id, by);
        if (parentId != null) {
            closeContact(incident, parentId);
        }
        return record(incident, parentId, person, tier, dayOne, protocolOf(incident, by), by);
    }

    /** Switches the incident to another protocol version: periods of everyone managed are re-computed under it. */
    public void changeProtocol(IncidentId id, long protocolId, CurrentUser by) {
        IncidentSummary incident = runnable(id, by);
        ProtocolVersion before = protocolOf(incident, by);
        ProtocolVersion after = protocols.byId(protocolId);
        if (after.id() == before.id()) {
            return;
        }
        int changed = jdbc.sql("UPDATE emg_contact_tracing SET protocol_id = :p, version = version + 1 WHERE incident_id = :i")
                .param("p", after.id()).param("i", id.value()).update();
        if (changed != 1) {
            throw new ConcurrentChange("incident", id.value());
        }
        List<Contact> managed = contacts.findByIncident(id.value()).stream().filter(Contact::managed).toList();
        managed.forEach(c -> c.underProtocol(after.id()));
        save(managed);
        managed.forEach(c -> restrictions.retime(incident, c, after.protocol(), by.actor()));
        incidents.log(id, "CONTACT_PROTOCOL_CHANGED", before.citation() + " → " + after.citation() + "; window "
                + before.protocol().exposureWindowDays() + " → " + after.protocol().exposureWindowDays() + " days; "
                + managed.size() + " periods re-computed", by.actor());
    }

    public ProtocolVersion protocolOf(IncidentId id, CurrentUser by) {
        return protocolOf(readable(id, by), by);
    }

    /** The decision on one candidate: {@code tier} null dismisses; {@code dayOne} null is today. */
    public record Decide(Long parentId, String identity, ContactTier tier, LocalDate dayOne) {
    }

    private long record(IncidentSummary incident, Long parentId, Candidate who, ContactTier tier, LocalDate dayOne,
                        ProtocolVersion protocol, CurrentUser by) {
        Instant now = clock.instant();
        Contact contact = tier == null
                ? Contact.dismissed(incident.id().value(), incident.estate().value(), parentId, who, protocol.id(), now, by.actor())
                : Contact.confirmed(incident.id().value(), incident.estate().value(), parentId, who, tier, protocol.id(),
                        dayOne != null ? dayOne : LocalDate.ofInstant(now, zone), now, by.actor());
        try {
            contact = contacts.save(contact);
        } catch (DuplicateKeyException e) {
            throw new ContactAlreadyDecided(who.name());
        }
        incidents.log(incident.id(), tier == null ? "CONTACT_DISMISSED" : "CONTACT_CONFIRMED",
                who.name() + (tier == null ? "" : " " + tier + " (" + protocol.citation() + ")") + ": " + who.reasonsText(), by.actor());
        if (tier != null) {
            restrictions.restrict(incident, contact, protocol.protocol(), by.actor());
        }
        return contact.id();
    }

    private List<ContactTree.Node> nodes(IncidentSummary incident, Contact parent, Subject subject, ContactProtocol protocol,
                                         Instant from, Instant to, List<Contact> decided, Set<String> excluded, int depth) {
        Long parentId = parent == null ? null : parent.id();
        Map<String, Contact> here = decided.stream().filter(c -> java.util.Objects.equals(c.parentId(), parentId))
                .collect(Collectors.toMap(Contact::identity, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        List<Candidate> candidates = finder.find(subject, protocol, new CandidateFinder.Window(incident.estate(), from, to), excluded);
        candidates.forEach(c -> excluded.add(c.identity()));
        here.keySet().forEach(excluded::add);
        Map<Long, ProtocolVersion> cited = new java.util.HashMap<>();
        List<ContactTree.Node> nodes = new ArrayList<>();
        for (Candidate c : candidates) {
            Contact d = here.remove(c.identity());
            nodes.add(d == null ? new ContactTree.Node(c.identity(), c.name(), c.idMasked(), c.reasons(), null, null, null, null, null, null, List.of())
                    : node(incident, d, c.reasons(), protocol, from, decided, excluded, depth, cited));
        }
        for (Contact d : here.values()) {
            nodes.add(node(incident, d, List.of(), protocol, from, decided, excluded, depth, cited));
        }
        return nodes;
    }

    private ContactTree.Node node(IncidentSummary incident, Contact d, List<Candidate.Reason> reasons, ContactProtocol protocol,
                                  Instant from, List<Contact> decided, Set<String> excluded, int depth, Map<Long, ProtocolVersion> cited) {
        List<ContactTree.Node> children = d.tier() == ContactTier.CLOSE && depth < DEPTH
                ? nodes(incident, d, d.asSubject(), protocol, from, d.decidedAt(), decided, excluded, depth + 1) : List.of();
        String citation = cited.computeIfAbsent(d.protocolId(), protocols::byId).citation();
        return new ContactTree.Node(d.identity(), d.personName(), d.idMasked(), reasons, d.reasons(), d.id(), d.decision(), d.tier(),
                d.status(), citation, children);
    }

    /** The candidates around the case (parent null) or a confirmed close contact of the incident. */
    private List<Candidate> candidatesAround(IncidentSummary incident, Long parentId, ContactProtocol protocol) {
        Instant from = protocol.windowStart(incident.indexMoment());
        Subject caseSubject = caseSubject(incident.id());
        if (parentId == null) {
            return finder.find(caseSubject, protocol, new CandidateFinder.Window(incident.estate(), from, windowEnd(incident)), Set.of());
        }
        Contact parent = closeContact(incident, parentId);
        return finder.find(parent.asSubject(), protocol, new CandidateFinder.Window(incident.estate(), from, parent.decidedAt()),
                Set.of(caseSubject.identity()));
    }

    private Contact closeContact(IncidentSummary incident, long contactId) {
        Contact parent = contacts.findById(contactId).filter(c -> c.incidentId() == incident.id().value())
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        if (parent.tier() != ContactTier.CLOSE) {
            throw new NotFoundException("contact", contactId);
        }
        return parent;
    }

    private void firstListing(IncidentSummary incident, ContactTree tree, CurrentUser by) {
        int first = jdbc.sql("UPDATE emg_contact_tracing SET listed_at = :at, listed_by = :by WHERE incident_id = :i AND listed_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).param("i", incident.id().value()).update();
        if (first == 1) {
            incidents.log(incident.id(), IncidentLogKinds.CONTACTS_LISTED, tree.undecided() + " candidates under "
                    + tree.protocol().citation(), by.actor());
        }
    }

    /** The incident's version; an incident without one takes the newest stored version, and the timeline says which. */
    ProtocolVersion protocolOf(IncidentSummary incident, CurrentUser by) {
        Long stored = jdbc.sql("SELECT protocol_id FROM emg_contact_tracing WHERE incident_id = :i")
                .param("i", incident.id().value()).query(Long.class).optional().orElse(null);
        if (stored != null) {
            return protocols.byId(stored);
        }
        ProtocolVersion newest = protocols.newest();
        int inserted = jdbc.sql("""
                        INSERT INTO emg_contact_tracing (incident_id, estate_id, protocol_id) VALUES (:i, :e, :p) ON CONFLICT DO NOTHING""")
                .param("i", incident.id().value()).param("e", incident.estate().value()).param("p", newest.id()).update();
        if (inserted == 1) {
            incidents.log(incident.id(), "CONTACT_PROTOCOL", newest.citation(), by.actor());
        }
        return newest;
    }

    Subject caseSubject(IncidentId id) {
        return jdbc.sql("SELECT case_name, case_person_key, source, source_ref FROM emg_incident WHERE id = :i").param("i", id.value())
                .query((rs, n) -> {
                    String source = rs.getString("source");
                    Long ref = numeric(rs.getString("source_ref"));
                    return new Subject(rs.getString("case_name"), rs.getString("case_person_key"),
                            "REGISTER".equals(source) ? ref : null, "STAFF".equals(source) ? ref : null);
                }).single();
    }

    private Instant windowEnd(IncidentSummary incident) {
        return incident.endedAt() != null ? incident.endedAt() : clock.instant();
    }

    IncidentSummary readable(IncidentId id, CurrentUser by) {
        if (!by.can(EmergencyPermission.EMERGENCY_CONTACTS)) {
            throw new NotPermittedException();
        }
        return incidents.get(id, by);
    }

    IncidentSummary runnable(IncidentId id, CurrentUser by) {
        IncidentSummary incident = readable(id, by);
        if (!by.can(EmergencyPermission.EMERGENCY_RUN)) {
            throw new NotPermittedException();
        }
        return incident;
    }

    void save(List<Contact> changed) {
        try {
            contacts.saveAll(changed);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("contact", changed.isEmpty() ? 0 : changed.get(0).id());
        }
    }

    private void audited(CurrentUser by, IncidentSummary incident, String subject, int rows) {
        audit.record(AuditEntry.by(by, AuditAction.CASE_VIEW, subject).inEstate(incident.estate().value())
                .export(rows, true, null));
    }

    private static Long numeric(String ref) {
        return ref != null && ref.matches("\\d{1,18}") ? Long.valueOf(ref) : null;
    }
}
