package com.estateguard.residents.internal;

import com.estateguard.org.EstateId;
import com.estateguard.residents.Households;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register read for an investigation: households, neighbours by the building rule, parcels. */
@Service
@Transactional(readOnly = true)
class HouseholdQueries implements Households {

    private static final String SELECT = """
            SELECT p.id, p.household_id, p.name, p.person_key, p.id_masked, p.phone, h.building, h.unit, h.room
              FROM res_person p JOIN res_household h ON h.id = p.household_id""";
    /** The floor of a room number of three or four digits (501, 1502); none for anything else. */
    private static final String FLOOR = "(CASE WHEN %1$s ~ '^[0-9]{3,4}$' THEN %1$s::int / 100 END)";

    private final JdbcClient jdbc;

    HouseholdQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Resident> byPersonKey(EstateId estate, String personKey) {
        return jdbc.sql(SELECT + " WHERE p.estate_id = :e AND p.person_key = :k").param("e", estate.value()).param("k", personKey)
                .query((rs, n) -> resident(rs)).optional();
    }

    @Override
    public Optional<Resident> byId(EstateId estate, long personId) {
        return jdbc.sql(SELECT + " WHERE p.estate_id = :e AND p.id = :id").param("e", estate.value()).param("id", personId)
                .query((rs, n) -> resident(rs)).optional();
    }

    @Override
    public List<Resident> householdOf(Resident person) {
        return jdbc.sql(SELECT + " WHERE p.household_id = :h AND p.id <> :id ORDER BY p.id")
                .param("h", person.householdId()).param("id", person.personId()).query((rs, n) -> resident(rs)).list();
    }

    @Override
    public List<Neighbour> neighboursOf(Resident person, boolean sameFloor, int floorsAbove, int floorsBelow) {
        String floor = FLOOR.formatted("h.room");
        return jdbc.sql("""
                        SELECT %1$s AS floor, p.id, p.household_id, p.name, p.person_key, p.id_masked, p.phone, h.building, h.unit, h.room
                          FROM res_household me
                          JOIN res_household h ON h.estate_id = me.estate_id AND h.building = me.building AND h.unit = me.unit AND h.id <> me.id
                          JOIN res_person p ON p.household_id = h.id
                         WHERE me.id = :h AND %2$s IS NOT NULL
                           AND %1$s - %2$s BETWEEN :below AND :above AND (:same OR %1$s <> %2$s)
                         ORDER BY h.room, p.id""".formatted(floor, FLOOR.formatted("me.room")))
                .param("h", person.householdId()).param("below", -floorsBelow).param("above", floorsAbove).param("same", sameFloor)
                .query((rs, n) -> new Neighbour(resident(rs), rs.getInt("floor") - floorOf(person.room())))
                .list();
    }

    @Override
    public List<Parcel> parcels(long householdId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT id, recipient_name, pickup_point, carrier, created_at, picked_up_at, picked_up_by FROM res_parcel
                         WHERE household_id = :h AND created_at >= :from AND created_at < :to ORDER BY created_at""")
                .param("h", householdId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Parcel(rs.getLong("id"), rs.getString("recipient_name"), rs.getString("pickup_point"),
                        rs.getString("carrier"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("picked_up_at") == null ? null : rs.getTimestamp("picked_up_at").toInstant(),
                        rs.getString("picked_up_by")))
                .list();
    }

    private static int floorOf(String room) {
        return room.matches("[0-9]{3,4}") ? Integer.parseInt(room) / 100 : 0;
    }

    private static Resident resident(ResultSet rs) throws SQLException {
        return new Resident(rs.getLong("id"), rs.getLong("household_id"), rs.getString("name"), rs.getString("person_key"),
                rs.getString("id_masked"), rs.getString("phone"), rs.getString("building"), rs.getString("unit"), rs.getString("room"));
    }
}
