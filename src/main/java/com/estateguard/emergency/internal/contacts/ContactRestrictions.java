package com.estateguard.emergency.internal.contacts;

import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.internal.lockdown.MovementControl;
import com.estateguard.emergency.internal.lockdown.RestrictedPerson;
import com.estateguard.emergency.internal.lockdown.RestrictionTier;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A confirmed contact whose tier keeps them in (密接, 密接的密接: isolation; 重点人群: 不离开物业小区
 * without an approval, seed 004) is restricted at the gate through the lockdown's
 * {@link MovementControl}, until the end of their period (the key group until the incident ends) or
 * their release, whichever comes first; when the incident's protocol version changes, the restriction
 * follows the re-computed period.
 * A general contact is monitored, not kept in. The gate finds people by their keyed ID number, so
 * someone confirmed without one cannot be restricted there.
 */
@Component
class ContactRestrictions {

    private static final Map<ContactTier, RestrictionTier> KEPT_IN = Map.of(
            ContactTier.CLOSE, RestrictionTier.CLOSE_CONTACT,
            ContactTier.SECONDARY, RestrictionTier.SECONDARY_CONTACT,
            ContactTier.KEY_GROUP, RestrictionTier.KEY_GROUP);

    private final MovementControl movement;
    private final ZoneId zone;

    ContactRestrictions(MovementControl movement, ZoneId zone) {
        this.movement = movement;
        this.zone = zone;
    }

    /** Restricts the contact as their tier says; the restriction's id, or empty when the tier or the person cannot be kept in. */
    Optional<Long> restrict(IncidentSummary incident, Contact contact, ContactProtocol protocol, String actor) {
        RestrictionTier tier = KEPT_IN.get(contact.tier());
        if (tier == null || contact.personKey() == null || !incident.open()) {
            return Optional.empty();
        }
        return Optional.of(movement.restrict(incident.id(), new RestrictedPerson(contact.personKey(), contact.personName(),
                contact.idMasked(), contact.phone()), tier, until(contact, protocol), actor));
    }

    /** The contact's period was re-computed under another protocol version: their restriction ends with the new period. */
    void retime(IncidentSummary incident, Contact contact, ContactProtocol protocol, String actor) {
        RestrictionTier tier = KEPT_IN.get(contact.tier());
        Instant until = until(contact, protocol);
        if (tier == null || until == null || contact.personKey() == null || !incident.open()) {
            return;
        }
        movement.retime(incident.id(), contact.personKey(), tier, until, actor);
    }

    private Instant until(Contact contact, ContactProtocol protocol) {
        return contact.tier() == ContactTier.KEY_GROUP ? null
                : ManagementPeriod.of(protocol, contact.tier(), contact.dayOne()).endsOn().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The contact is released: their gate restrictions by this incident end now. */
    void lift(IncidentSummary incident, Contact contact, String actor) {
        if (contact.personKey() != null) {
            movement.lift(incident.id(), contact.personKey(), actor);
        }
    }
}
