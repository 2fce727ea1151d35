package com.estateguard.residents.internal;

import com.estateguard.org.EstateId;
import com.estateguard.residents.ResidentDirectory;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the register for other modules; the caller has checked the estate is in the user's scope. */
@Component
class RegisterDirectory implements ResidentDirectory {

    private final JdbcClient jdbc;

    RegisterDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RegisteredPerson> people(EstateId estate) {
        return jdbc.sql("""
                        SELECT p.id, p.name, h.building, h.unit, h.room, p.person_key, p.id_masked
                          FROM res_person p JOIN res_household h ON h.id = p.household_id
                         WHERE p.estate_id = :e ORDER BY h.building, h.unit, h.room, p.name, p.id""")
                .param("e", estate.value())
                .query((rs, i) -> new RegisteredPerson(rs.getLong("id"), rs.getString("name"), rs.getString("building"),
                        rs.getString("unit"), rs.getString("room"), rs.getString("person_key"), rs.getString("id_masked")))
                .list();
    }
}
