package com.estateguard.hygiene.internal;

import com.estateguard.emergency.EstatePlaces;
import com.estateguard.org.EstateId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Implements emergency's port: the estate's active places, which an incident may close. */
@Component
class EmergencyPlaces implements EstatePlaces {

    private final JdbcClient jdbc;

    EmergencyPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<EstatePlace> of(EstateId estate) {
        return jdbc.sql("SELECT id, name, place_type FROM hyg_place WHERE estate_id = :e AND active ORDER BY name")
                .param("e", estate.value())
                .query((rs, i) -> new EstatePlace(rs.getLong("id"), rs.getString("name"), rs.getString("place_type"))).list();
    }
}
