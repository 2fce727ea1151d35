package com.estateguard.residents;

import com.estateguard.common.IdNumber;
import com.estateguard.healthdata.PersonKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final PersonKeys keys;
    private final IdCipher cipher;

    ResidentWriter(JdbcClient jdbc, NamedParameterJdbcTemplate named, PersonKeys keys, IdCipher cipher) {
        this.jdbc = jdbc;
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

    /** Keyed ID hashes already in the estate's register. */
    java.util.Set<String> existingKeys(long estateId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT person_key FROM res_person WHERE estate_id = :e")
                .param("e", estateId).query(String.class).list());
    }

    int upsert(long estateId, long household, ResidentLine line, String actor) {
        return named.update(UPSERT, params(estateId, household, line, actor));
    }

    /** One statement per person, sent in batches; each count is 1 when the row was written, 0 when unchanged. */
    int[] upsertAll(long estateId, List<Map.Entry<Long, ResidentLine>> lines, String actor) {
        SqlParameterSource[] batch = lines.stream().map(l -> params(estateId, l.getKey(), l.getValue(), actor))
                .toArray(SqlParameterSource[]::new);
        return named.batchUpdate(UPSERT, batch);
    }

    String keyOf(ResidentLine line) {
        return keys.keyOf(line.idNumber());
    }

    private MapSqlParameterSource params(long estateId, long household, ResidentLine line, String actor) {
        return new MapSqlParameterSource().addValue("estate", estateId).addValue("household", household)
                .addValue("name", line.name()).addValue("kind", line.kind().name()).addValue("phone", line.phone())
                .addValue("key", keys.keyOf(line.idNumber())).addValue("cipher", cipher.encrypt(line.idNumber()))
                .addValue("masked", IdNumber.mask(line.idNumber())).addValue("noPhone", line.noSmartphone())
                .addValue("gate", line.accessControl()).addValue("by", actor);
    }
}
