package com.estateguard.residents.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.KeysetPage;
import com.estateguard.org.EstateScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Special groups (RES-04: elderly living alone, children, chronic illness, no smartphone) with a
 * staff contact and a contact log; home isolation (RES-05) with daily monitoring and special waste.
 * Marking someone NO_SMARTPHONE also flags them in the register, so the gate checks their pass or ID.
 */
@Service
@Transactional(readOnly = true)
public class Care {

    public enum Group { ELDERLY_ALONE, CHILD, CHRONIC_ILLNESS, NO_SMARTPHONE }

    public record Special(long id, long personId, String name, String address, String kind, String staffContact,
                          Instant lastContact) {
    }

    public record Contact(String note, Instant createdAt, String createdBy) {
    }

    public record Isolation(long id, long personId, String name, String address, LocalDate startsOn, LocalDate endsOn, String reason,
                            int checks, LocalDate lastCheck) {
    }

    private final JdbcClient jdbc;
    private final ResidentRegister register;
    private final Clock clock;
    private final ZoneId zone;

    Care(JdbcClient jdbc, ResidentRegister register, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.register = register;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public void mark(long personId, Group group, String staffContact, CurrentUser by) {
        ResidentRow person = register.byId(personId, by);
        if (group == null || staffContact == null || staffContact.isBlank()) {
            throw new InvalidInputException("care.error.staff");
        }
        jdbc.sql("""
                        INSERT INTO res_special (person_id, estate_id, kind, staff_contact, created_by) VALUES (:p, :e, :k, :s, :by)
                        ON CONFLICT (person_id, kind, estate_id) DO UPDATE SET staff_contact = excluded.staff_contact""")
                .param("p", personId).param("e", person.estateId()).param("k", group.name()).param("s", staffContact.trim())
                .param("by", by.actor()).update();
        if (group == Group.NO_SMARTPHONE) {
            jdbc.sql("UPDATE res_person SET no_smartphone = true, updated_at = now(), updated_by = :by WHERE id = :p AND NOT no_smartphone")
                    .param("by", by.actor()).param("p", personId).update();
        }
    }

    @Transactional
    public void logContact(long personId, String note, CurrentUser by) {
        ResidentRow person = register.byId(personId, by);
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("care.error.note");
        }
        jdbc.sql("INSERT INTO res_contact_log (person_id, estate_id, note, created_by) VALUES (:p, :e, :n, :by)")
                .param("p", personId).param("e", person.estateId()).param("n", note.trim()).param("by", by.actor()).update();
    }

    @Transactional
    public long isolate(long personId, LocalDate startsOn, LocalDate endsOn, String reason, CurrentUser by) {
        ResidentRow person = register.byId(personId, by);
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn) || reason == null || reason.isBlank()) {
            throw new InvalidInputException("care.error.isolation");
        }
        return jdbc.sql("""
                        INSERT INTO res_isolation (person_id, estate_id, starts_on, ends_on, reason, created_by)
                        VALUES (:p, :estate, :s, :e, :r, :by) RETURNING id""")
                .param("p", personId).param("estate", person.estateId()).param("s", startsOn).param("e", endsOn)
                .param("r", reason.trim()).param("by", by.actor()).query(Long.class).single();
    }

    /** Today's monitoring of an isolated person: temperature, symptoms, special waste collected. */
    @Transactional
    public void monitor(long isolationId, BigDecimal temperature, boolean symptoms, boolean wasteCollected, String note, CurrentUser by) {
        long personId = jdbc.sql("SELECT person_id FROM res_isolation WHERE id = :id").param("id", isolationId).query(Long.class)
                .optional().orElseThrow(() -> new com.estateguard.common.NotFoundException("isolation", isolationId));
        ResidentRow person = register.byId(personId, by);
        if (temperature == null || temperature.compareTo(new BigDecimal("34")) < 0 || temperature.compareTo(new BigDecimal("42.5")) > 0) {
            throw new InvalidInputException("return.error.temperature");
        }
        int n = jdbc.sql("""
                        INSERT INTO res_isolation_check (isolation_id, estate_id, day, temperature, symptoms, waste_collected, note,
                                                         created_by)
                        VALUES (:i, :e, :d, :t, :s, :w, :n, :by) ON CONFLICT (isolation_id, day, estate_id) DO NOTHING""")
                .param("i", isolationId).param("e", person.estateId()).param("d", today()).param("t", temperature)
                .param("s", symptoms).param("w", wasteCollected).param("n", note == null ? "" : note.trim()).param("by", by.actor())
                .update();
        if (n == 0) {
            throw new InvalidInputException("return.error.entryExists");
        }
    }

    /**
     * One page of the special groups' people in {@code scope} (the reader's, or a region or estate inside it), the most
     * recently marked first by keyset on the mark's id (issue 12 §3), each with their latest contact; the count stops at
     * the cap.
     */
    public KeysetPage<Special> specials(String scope, String after, String before, int size) {
        KeysetPage.planForValues(jdbc);
        String where = " WHERE " + EstateScope.where("s.estate_id");
        return KeysetPage.read(after, before, 1, size, (cursor, backwards, limit) -> {
            String seek = cursor == null ? "" : " AND s.id " + (backwards ? ">" : "<") + " :id";
            var sql = jdbc.sql("""
                            SELECT s.id, p.id AS person_id, p.name, h.building || '-' || h.unit || '-' || h.room AS address, s.kind,
                                   s.staff_contact, (SELECT max(created_at) FROM res_contact_log c WHERE c.person_id = p.id) AS last_contact
                              FROM res_special s JOIN res_person p ON p.id = s.person_id JOIN res_household h ON h.id = p.household_id
                            """ + where + seek + (backwards ? " ORDER BY s.id" : " ORDER BY s.id DESC") + " LIMIT :limit")
                    .param("scope", EstateScope.bind(scope)).param("limit", limit);
            return (cursor == null ? sql : sql.param("id", Long.parseLong(cursor[0]))).query(Special.class).list();
        }, r -> KeysetPage.cursor(r.id()), () -> capped("SELECT 1 FROM res_special s" + where, scope, null));
    }

    public List<Contact> contacts(long personId, CurrentUser me) {
        register.byId(personId, me);
        return jdbc.sql("SELECT note, created_at, created_by FROM res_contact_log WHERE person_id = :p ORDER BY id DESC LIMIT 50")
                .param("p", personId).query(Contact.class).list();
    }

    /**
     * One page of the people isolated today in {@code scope} (the reader's, or a region or estate inside it), with how
     * many daily checks they have had: the soonest to end first, by keyset on (end, id) (issue 12 §3, V224); the count
     * stops at the cap.
     */
    public KeysetPage<Isolation> isolations(String scope, String after, String before, int size) {
        KeysetPage.planForValues(jdbc);
        String where = " WHERE " + EstateScope.where("i.estate_id") + " AND i.ends_on >= :today AND i.starts_on <= :today";
        LocalDate today = today();
        return KeysetPage.read(after, before, 2, size, (cursor, backwards, limit) -> {
            String seek = cursor == null ? "" : " AND (i.ends_on, i.id) " + (backwards ? "<" : ">") + " (:end, :id)";
            var sql = jdbc.sql("""
                            SELECT i.id, p.id AS person_id, p.name, h.building || '-' || h.unit || '-' || h.room AS address, i.starts_on,
                                   i.ends_on, i.reason, (SELECT count(*) FROM res_isolation_check c WHERE c.isolation_id = i.id) AS checks,
                                   (SELECT max(day) FROM res_isolation_check c WHERE c.isolation_id = i.id) AS last_check
                              FROM res_isolation i JOIN res_person p ON p.id = i.person_id JOIN res_household h ON h.id = p.household_id
                            """ + where + seek + (backwards ? " ORDER BY i.ends_on DESC, i.id DESC" : " ORDER BY i.ends_on, i.id")
                            + " LIMIT :limit")
                    .param("scope", EstateScope.bind(scope)).param("today", today).param("limit", limit);
            if (cursor != null) {
                sql = sql.param("end", LocalDate.parse(cursor[0])).param("id", Long.parseLong(cursor[1]));
            }
            return sql.query(Isolation.class).list();
        }, r -> KeysetPage.cursor(r.endsOn(), r.id()),
                () -> capped("SELECT 1 FROM res_isolation i" + where, scope, today));
    }

    /** How many rows a list's selection holds, counted up to one past the cap. */
    private long capped(String selection, String scope, LocalDate today) {
        var sql = jdbc.sql("SELECT count(*) FROM (" + selection + " LIMIT " + (KeysetPage.COUNT_CAP + 1) + ") capped")
                .param("scope", EstateScope.bind(scope));
        return (today == null ? sql : sql.param("today", today)).query(Long.class).single();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
