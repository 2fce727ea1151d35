package com.estateguard.residents.internal;

import com.estateguard.common.IdNumber;
import com.estateguard.healthdata.PersonKeys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes people into the register. An upsert by (estate, keyed ID) that only touches a row whose
 * values differ, so importing the same file again changes nothing.
 */
@Component
class ResidentWriter {

    private static final String UPSERT = """
            INSERT INTO res_person (estate_id, household_id, name, kind, phone, person_key, id_cipher, id_masked,
                                    no_smartphone, access_control, created_by)
            VALUES (:estate, :household, :name, :kind, :phone, :key, :cipher, :masked, :noPhone, :gate, :by)
            ON CONFLICT (estate_id, person_key) DO UPDATE
               SET household_id = excluded.household_id, name = excluded.name, kind = excluded.kind,
                   phone = excluded.phone, no_smartphone = excluded.no_smartphone,
                   access_control = excluded.access_control, updated_at = now(), updated_by = excluded.created_by
             WHERE (res_person.household_id, res_person.name, res_person.kind, res_person.phone,
                    res_person.no_smartphone, res_person.access_control)
                   IS DISTINCT FROM (excluded.household_id, excluded.name, excluded.kind, excluded.phone,
                    excluded.no_smartphone, excluded.access_control)""";

    private static final int CHUNK = 5_000;
    private static final String SET_UPSERT = """
            INSERT INTO res_person AS p (estate_id, household_id, name, kind, phone, person_key, id_cipher, id_masked,
                                    no_smartphone, access_control, created_by)
            SELECT ?, h, n, k, ph, pk, c, m, ns, ac, ? FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                   ?::text[], ?::text[], ?::boolean[], ?::boolean[]) AS t(h, n, k, ph, pk, c, m, ns, ac)
            ON CONFLICT (estate_id, person_key) DO UPDATE
               SET household_id = excluded.household_id, name = excluded.name, kind = excluded.kind,
                   phone = excluded.phone, no_smartphone = excluded.no_smartphone,
                   access_control = excluded.access_control, updated_at = now(), updated_by = excluded.created_by
             WHERE (p.household_id, p.name, p.kind, p.phone, p.no_smartphone, p.access_control)
                   IS DISTINCT FROM (excluded.household_id, excluded.name, excluded.kind, excluded.phone,
                    excluded.no_smartphone, excluded.access_control)
            RETURNING (xmax = 0) AS inserted""";

    private final JdbcClient jdbc;
    private final JdbcTemplate plain;
    private final NamedParameterJdbcTemplate named;
    private final PersonKeys keys;
    private final IdCipher cipher;

    ResidentWriter(JdbcClient jdbc, JdbcTemplate plain, NamedParameterJdbcTemplate named, PersonKeys keys, IdCipher cipher) {
        this.jdbc = jdbc;
        this.plain = plain;
        this.named = named;
        this.keys = keys;
        this.cipher = cipher;
    }

    long household(long estateId, ResidentLine line, String actor) {
        jdbc.sql("""
                        INSERT INTO res_household (estate_id, building, unit, room, created_by) VALUES (:e, :b, :u, :r, :by)
                        ON CONFLICT (estate_id, building, unit, room) DO NOTHING""")
                .param("e", estateId).param("b", line.building()).param("u", line.unit()).param("r", line.room())
                .param("by", actor).update();
        return jdbc.sql("SELECT id FROM res_household WHERE estate_id = :e AND building = :b AND unit = :u AND room = :r")
                .param("e", estateId).param("b", line.building()).param("u", line.unit()).param("r", line.room())
                .query(Long.class).single();
    }

    /** The households of an estate by "building|unit|room", to resolve an import without a query per row. */
    Map<String, Long> households(long estateId) {
        Map<String, Long> map = new HashMap<>();
        jdbc.sql("SELECT id, building, unit, room FROM res_household WHERE estate_id = :e").param("e", estateId)
                .query((rs, i) -> map.put(rs.getString("building") + "|" + rs.getString("unit") + "|" + rs.getString("room"),
                        rs.getLong("id"))).list();
        return map;
    }

    int upsert(long estateId, long household, ResidentLine line, String actor) {
        return named.update(UPSERT, params(estateId, household, line, actor));
    }

    /** Written rows of a set-based import: new people and changed ones; the rest were equal. */
    record Written(int added, int changed) {
    }

    /**
     * Writes a whole import in two set-based statements per chunk (households, then people) using
     * arrays, so 10,000 rows cost a few round trips instead of 10,000.
     */
    Written upsertAll(long estateId, List<ResidentLine> lines, String actor) {
        int added = 0;
        int changed = 0;
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<ResidentLine> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
            insertHouseholds(estateId, chunk, actor);
            Map<String, Long> households = households(estateId);
            for (boolean inserted : upsertPeople(estateId, chunk, households, actor)) {
                if (inserted) {
                    added++;
                } else {
                    changed++;
                }
            }
        }
        return new Written(added, changed);
    }

    private void insertHouseholds(long estateId, List<ResidentLine> chunk, String actor) {
        plain.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO res_household (estate_id, building, unit, room, created_by)
                    SELECT DISTINCT ?, b, u, r, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS t(b, u, r)
                    ON CONFLICT (estate_id, building, unit, room) DO NOTHING""")) {
                ps.setLong(1, estateId);
                ps.setString(2, actor);
                ps.setArray(3, con.createArrayOf("text", chunk.stream().map(ResidentLine::building).toArray()));
                ps.setArray(4, con.createArrayOf("text", chunk.stream().map(ResidentLine::unit).toArray()));
                ps.setArray(5, con.createArrayOf("text", chunk.stream().map(ResidentLine::room).toArray()));
                return ps.executeUpdate();
            }
        });
    }

    private List<Boolean> upsertPeople(long estateId, List<ResidentLine> chunk, Map<String, Long> households, String actor) {
        return plain.execute((ConnectionCallback<List<Boolean>>) con -> {
            try (PreparedStatement ps = con.prepareStatement(SET_UPSERT)) {
                ps.setLong(1, estateId);
                ps.setString(2, actor);
                ps.setArray(3, con.createArrayOf("bigint", chunk.stream().map(l -> households.get(l.householdKey())).toArray()));
                ps.setArray(4, con.createArrayOf("text", chunk.stream().map(ResidentLine::name).toArray()));
                ps.setArray(5, con.createArrayOf("text", chunk.stream().map(l -> l.kind().name()).toArray()));
                ps.setArray(6, con.createArrayOf("text", chunk.stream().map(ResidentLine::phone).toArray()));
                ps.setArray(7, con.createArrayOf("text", chunk.stream().map(l -> keys.keyOf(l.idNumber())).toArray()));
                ps.setArray(8, con.createArrayOf("text", chunk.stream().map(l -> cipher.encrypt(l.idNumber())).toArray()));
                ps.setArray(9, con.createArrayOf("text", chunk.stream().map(l -> IdNumber.mask(l.idNumber())).toArray()));
                ps.setArray(10, con.createArrayOf("boolean", chunk.stream().map(ResidentLine::noSmartphone).toArray()));
                ps.setArray(11, con.createArrayOf("boolean", chunk.stream().map(ResidentLine::accessControl).toArray()));
                List<Boolean> inserted = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getBoolean(1));
                    }
                }
                return inserted;
            }
        });
    }

    private MapSqlParameterSource params(long estateId, long household, ResidentLine line, String actor) {
        return new MapSqlParameterSource().addValue("estate", estateId).addValue("household", household)
                .addValue("name", line.name()).addValue("kind", line.kind().name()).addValue("phone", line.phone())
                .addValue("key", keys.keyOf(line.idNumber())).addValue("cipher", cipher.encrypt(line.idNumber()))
                .addValue("masked", IdNumber.mask(line.idNumber())).addValue("noPhone", line.noSmartphone())
                .addValue("gate", line.accessControl()).addValue("by", actor);
    }
}
