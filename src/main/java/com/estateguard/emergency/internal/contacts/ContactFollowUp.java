package com.estateguard.emergency.internal.contacts;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.internal.contacts.FollowUpRules.Nat;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up of managed people (EMG-06): each one's period and NAT days from the protocol version
 * their tier decision cites, their tests and daily health entries, who is due today and who is
 * overdue; release and upgrade as that version says.
 */
@Service
@Transactional
public class ContactFollowUp {

    /** One managed (or formerly managed) person as the follow-up list shows them. */
    public record Managed(long contactId, Long parentId, String name, String idMasked, String phone, ContactTier tier,
                          ContactStatus status, String citation, ManagementPeriod period, List<Nat> nats, boolean dueToday,
                          List<LocalDate> overdue, LocalDate lastHealthEntry) {
    }

    private final ContactTracing tracing;
    private final ContactRepository contacts;
    private final ContactRestrictions restrictions;
    private final ProtocolVersions protocols;
    private final Incidents incidents;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ContactFollowUp(ContactTracing tracing, ContactRepository contacts, ContactRestrictions restrictions, ProtocolVersions protocols,
                    Incidents incidents,
                    JdbcClient jdbc, Clock clock, ZoneId zone) {
        this.tracing = tracing;
        this.contacts = contacts;
        this.restrictions = restrictions;
        this.protocols = protocols;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** Everyone confirmed in the incident, managed first; each with their period under the version cited. */
    @Transactional(readOnly = true)
    public List<Managed> list(IncidentId id, CurrentUser by) {
        tracing.readable(id, by);
        LocalDate today = today();
        Map<Long, ProtocolVersion> versions = new HashMap<>();
        return contacts.findByIncident(id.value()).stream().filter(c -> c.decision() == Contact.Decision.CONFIRMED)
                .map(c -> managed(c, versions.computeIfAbsent(c.protocolId(), protocols::byId), today))
                .sorted(java.util.Comparator.comparing((Managed m) -> m.status() != ContactStatus.UNDER_MANAGEMENT)
                        .thenComparing(Managed::contactId))
                .toList();
    }

    /** A NAT result; a positive one makes the person a case and, under the protocol, their contacts of contacts close contacts. */
    public void recordNat(IncidentId id, long contactId, LocalDate sampledOn, boolean positive, CurrentUser by) {
        IncidentSummary incident = tracing.runnable(id, by);
        Contact contact = managedContact(incident, contactId);
        jdbc.sql("""
                        INSERT INTO emg_contact_nat (contact_id, estate_id, sampled_on, positive, recorded_at, recorded_by)
                        VALUES (:c, :e, :d, :p, :at, :by)""")
                .param("c", contactId).param("e", contact.estateId()).param("d", sampledOn).param("p", positive)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by.actor()).update();
        if (!positive) {
            return;
        }
        ProtocolVersion cited = protocols.byId(contact.protocolId());
        ContactTier tierBefore = contact.tier();
        contact.turnedPositive(clock.instant(), by.actor());
        tracing.save(List.of(contact));
        incidents.log(id, "CONTACT_POSITIVE", contact.personName() + " " + tierBefore + " NAT positive " + sampledOn, by.actor());
        if (FollowUpRules.upgradesContacts(cited.protocol(), tierBefore, new Nat(sampledOn, true))) {
            upgradeContactsOf(incident, contact, by);
        }
    }

    /** A daily health entry (temperature, symptoms) of a managed person. */
    public void recordHealth(IncidentId id, long contactId, LocalDate day, BigDecimal temperature, String symptoms, CurrentUser by) {
        Contact contact = managedContact(tracing.runnable(id, by), contactId);
        jdbc.sql("""
                        INSERT INTO emg_contact_health (contact_id, estate_id, day, temperature, symptoms, recorded_at, recorded_by)
                        VALUES (:c, :e, :d, :t, :s, :at, :by)""")
                .param("c", contactId).param("e", contact.estateId()).param("d", day).param("t", temperature)
                .param("s", symptoms == null ? "" : symptoms.strip())
                .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).update();
    }

    /** Releases the person if the protocol version cited allows it today; otherwise names every rule that holds them. */
    public void release(IncidentId id, long contactId, CurrentUser by) {
        IncidentSummary incident = tracing.runnable(id, by);
        Contact contact = managedContact(incident, contactId);
        ProtocolVersion cited = protocols.byId(contact.protocolId());
        ManagementPeriod period = ManagementPeriod.of(cited.protocol(), contact.tier(), contact.dayOne());
        List<Nat> closeContacts = contact.parentId() == null ? List.of() : nats(contact.parentId());
        List<String> refusals = FollowUpRules.releaseRefusals(cited.protocol(), contact.tier(), period, today(), nats(contactId), closeContacts);
        if (!refusals.isEmpty()) {
            throw new ReleaseRefused(refusals);
        }
        contact.release(clock.instant(), by.actor());
        tracing.save(List.of(contact));
        restrictions.lift(incident, contact, by.actor());
        incidents.log(id, "CONTACT_RELEASED", contact.personName() + " " + contact.tier() + " (" + cited.citation() + ")", by.actor());
    }

    public void lost(IncidentId id, long contactId, CurrentUser by) {
        Contact contact = managedContact(tracing.runnable(id, by), contactId);
        contact.lost(clock.instant(), by.actor());
        tracing.save(List.of(contact));
        incidents.log(id, "CONTACT_LOST", contact.personName(), by.actor());
    }

    private void upgradeContactsOf(IncidentSummary incident, Contact positive, CurrentUser by) {
        ProtocolVersion current = tracing.protocolOf(incident, by);
        List<Contact> secondaries = contacts.findByIncident(incident.id().value()).stream()
                .filter(c -> positive.id().equals(c.parentId()) && c.managed() && c.tier() == ContactTier.SECONDARY).toList();
        secondaries.forEach(c -> c.upgradeTo(ContactTier.CLOSE, current.id(), today(), clock.instant(), by.actor()));
        tracing.save(secondaries);
        for (Contact c : secondaries) {
            restrictions.restrict(incident, c, current.protocol(), by.actor());
            incidents.log(incident.id(), "CONTACT_UPGRADED", c.personName() + " SECONDARY → CLOSE (" + current.citation()
                    + "): " + positive.personName() + " tested positive", by.actor());
        }
    }

    private Managed managed(Contact c, ProtocolVersion cited, LocalDate today) {
        ManagementPeriod period = ManagementPeriod.of(cited.protocol(), c.tier(), c.dayOne());
        List<Nat> nats = nats(c.id());
        boolean managed = c.managed();
        LocalDate lastHealth = jdbc.sql("SELECT max(day) FROM emg_contact_health WHERE contact_id = :c").param("c", c.id())
                .query(LocalDate.class).optional().orElse(null);
        return new Managed(c.id(), c.parentId(), c.personName(), c.idMasked(), c.phone(), c.tier(), c.status(), cited.citation(),
                period, nats, managed && FollowUpRules.dueToday(period, today, nats),
                managed ? FollowUpRules.overdue(period, today, nats) : List.of(), lastHealth);
    }

    private List<Nat> nats(long contactId) {
        return jdbc.sql("SELECT sampled_on, positive FROM emg_contact_nat WHERE contact_id = :c ORDER BY sampled_on, id")
                .param("c", contactId).query((rs, n) -> new Nat(rs.getObject("sampled_on", LocalDate.class), rs.getBoolean("positive")))
                .list();
    }

    private Contact managedContact(IncidentSummary incident, long contactId) {
        Contact contact = contacts.findById(contactId).filter(c -> c.incidentId() == incident.id().value())
                .filter(c -> c.decision() == Contact.Decision.CONFIRMED)
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        if (!contact.managed()) {
            throw new ContactNotManaged(contactId);
        }
        return contact;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
