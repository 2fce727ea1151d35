package com.estateguard.emergency.internal.places;

import com.estateguard.emergency.ClosedPlaces;
import com.estateguard.emergency.IncidentId;
import com.estateguard.org.EstateId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link ClosedPlaces}; the caller has checked the estate is in the user's scope. */
@Component
class ClosedPlacesQuery implements ClosedPlaces {

    private final JdbcClient jdbc;

    ClosedPlacesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ClosedPlace> closedIn(EstateId estate) {
        return jdbc.sql("""
                        SELECT c.id, c.incident_id, i.drill, c.place_id, c.name, c.closed_at
                          FROM emg_closed_place c JOIN emg_incident i ON i.id = c.incident_id
                         WHERE c.estate_id = :e AND c.reopened_at IS NULL ORDER BY c.closed_at, c.id""")
                .param("e", estate.value())
                .query((rs, i) -> new ClosedPlace(rs.getLong("id"), new IncidentId(rs.getLong("incident_id")), rs.getBoolean("drill"),
                        (Long) rs.getObject("place_id"), rs.getString("name"), rs.getTimestamp("closed_at").toInstant())).list();
    }
}
