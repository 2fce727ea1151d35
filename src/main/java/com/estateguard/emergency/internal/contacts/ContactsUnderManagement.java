package com.estateguard.emergency.internal.contacts;

import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.internal.screening.ManagedContacts;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contacts screening leaves out (seed 004 四(五)2: everyone in the estate is tested except close and
 * general contacts, who are tested where they are managed): confirmed contacts of the incident still under
 * management in a tier managed apart from the estate (close, contact of a close contact, general). Key-group
 * members stay in the estate and are screened with everyone. A contact who tested positive (UPGRADED) is
 * now a case managed by the CDC and is left out too; a released or lost contact is screened again.
 */
@Component
class ContactsUnderManagement implements ManagedContacts {

    private final JdbcClient jdbc;

    ContactsUnderManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Managed in(IncidentId incident) {
        Set<String> keys = new HashSet<>();
        Set<Long> staff = new HashSet<>();
        jdbc.sql("""
                select person_key, staff_user_id from emg_contact
                 where incident_id = ? and decision = 'CONFIRMED' and status IN ('UNDER_MANAGEMENT', 'UPGRADED')
                   and tier in ('CLOSE', 'SECONDARY', 'GENERAL')""")
                .param(incident.value())
                .query((rs, n) -> {
                    String key = rs.getString(1);
                    if (key != null) {
                        keys.add(key);
                    }
                    long user = rs.getLong(2);
                    if (!rs.wasNull()) {
                        staff.add(user);
                    }
                    return n;
                }).list();
        return keys.isEmpty() && staff.isEmpty() ? Managed.NONE : new Managed(Set.copyOf(keys), Set.copyOf(staff));
    }
}
