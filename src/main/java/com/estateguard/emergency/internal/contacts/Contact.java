package com.estateguard.emergency.internal.contacts;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A decided contact (密切接触者, 密接的密接, ...): a candidate the investigator confirmed with a tier
 * or dismissed, or a person added by hand. A confirmed person is under management from day one
 * until the protocol version cited releases them; the tier and status change only through here.
 */
@Table("emg_contact")
public class Contact {

    public enum Decision { CONFIRMED, DISMISSED }

    @Id
    private Long id;
    private long incidentId;
    /** The incident's estate: the contact's distribution key (docs/SCALE.md). */
    private long estateId;
    private Long parentId;
    private String identity;
    private String personName;
    private String personKey;
    private Long residentId;
    private Long staffUserId;
    private String idMasked;
    private String phone;
    private String reasons;
    private Decision decision;
    private ContactTier tier;
    private long protocolId;
    private Instant decidedAt;
    private String decidedBy;
    private LocalDate dayOne;
    private ContactStatus status;
    private Instant statusAt;
    private String statusBy;
    @Version
    private Integer version;

    @PersistenceCreator
    Contact() {
    }

    /** A candidate (or a person added by hand) confirmed with a tier, under management from day one. */
    static Contact confirmed(long incidentId, long estateId, Long parentId, Candidate who, ContactTier tier, long protocolId,
                             LocalDate dayOne, Instant at, String by) {
        Contact c = decided(incidentId, estateId, parentId, who, Decision.CONFIRMED, protocolId, at, by);
        c.tier = tier;
        c.dayOne = dayOne;
        c.status = ContactStatus.UNDER_MANAGEMENT;
        c.statusAt = at;
        c.statusBy = by;
        return c;
    }

    static Contact dismissed(long incidentId, long estateId, Long parentId, Candidate who, long protocolId, Instant at, String by) {
        return decided(incidentId, estateId, parentId, who, Decision.DISMISSED, protocolId, at, by);
    }

    private static Contact decided(long incidentId, long estateId, Long parentId, Candidate who, Decision decision, long protocolId,
                                   Instant at, String by) {
        Contact c = new Contact();
        c.incidentId = incidentId;
        c.estateId = estateId;
        c.parentId = parentId;
        c.identity = who.identity();
        c.personName = who.name();
        c.personKey = who.personKey();
        c.residentId = who.residentId();
        c.staffUserId = who.staffUserId();
        c.idMasked = who.idMasked();
        c.phone = who.phone();
        c.reasons = who.reasonsText();
        c.decision = decision;
        c.protocolId = protocolId;
        c.decidedAt = at;
        c.decidedBy = by;
        return c;
    }

    /** Tested positive: now a case. Their contacts of contacts are upgraded by the caller, as the protocol says. */
    void turnedPositive(Instant at, String by) {
        move(ContactStatus.UPGRADED, at, by);
    }

    /** A contact of a close contact who tested positive becomes a close contact, managed afresh from day one. */
    void upgradeTo(ContactTier newTier, long protocol, LocalDate newDayOne, Instant at, String by) {
        requireManaged();
        this.tier = newTier;
        this.protocolId = protocol;
        this.dayOne = newDayOne;
        this.statusAt = at;
        this.statusBy = by;
    }

    /** The incident changed its protocol version: the period is re-computed under it, the decision now cites it. */
    void underProtocol(long protocol) {
        requireManaged();
        this.protocolId = protocol;
    }

    void release(Instant at, String by) {
        move(ContactStatus.RELEASED, at, by);
    }

    void lost(Instant at, String by) {
        move(ContactStatus.LOST_TO_FOLLOW_UP, at, by);
    }

    private void move(ContactStatus to, Instant at, String by) {
        requireManaged();
        this.status = to;
        this.statusAt = at;
        this.statusBy = by;
    }

    private void requireManaged() {
        if (status != ContactStatus.UNDER_MANAGEMENT) {
            throw new ContactNotManaged(id == null ? 0 : id);
        }
    }

    public boolean managed() {
        return status == ContactStatus.UNDER_MANAGEMENT;
    }

    public Subject asSubject() {
        return new Subject(personName, personKey, residentId, staffUserId);
    }

    public Long id() { return id; }
    public long incidentId() { return incidentId; }
    public long estateId() { return estateId; }
    public Long parentId() { return parentId; }
    public String identity() { return identity; }
    public String personName() { return personName; }
    public String personKey() { return personKey; }
    public String idMasked() { return idMasked; }
    public String phone() { return phone; }
    public String reasons() { return reasons; }
    public Decision decision() { return decision; }
    public ContactTier tier() { return tier; }
    public long protocolId() { return protocolId; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public LocalDate dayOne() { return dayOne; }
    public ContactStatus status() { return status; }
    public Instant statusAt() { return statusAt; }
}
