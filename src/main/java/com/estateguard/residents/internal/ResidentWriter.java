package com.estateguard.residents.internal;

import com.estateguard.common.IdNumber;
import com.estateguard.healthdata.PersonKeys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
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

    /**
     * One statement per chunk of an import: the rows joined to their households by address in SQL, the
     * upsert counted in the statement (inserted rows have xmax = 0), so no row comes back to Java. A
     * person already registered is rewritten only when a value differs. (An UPDATE of the registered people
     * plus a plain INSERT of the others costs PostgreSQL less per new person on a server with current
     * statistics, but in the benchmark it cost more per row than this upsert: docs/PERFORMANCE.md.)
     */
    private static final String SET_UPSERT = """
            WITH written AS (
                INSERT INTO res_person AS p (estate_id, household_id, name, kind, phone, person_key, id_cipher, id_masked,
                                        no_smartphone, access_control, created_by)
                SELECT h.estate_id, h.id, t.n, t.k, t.ph, t.pk, t.c, t.m, t.ns, t.ac, ?
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::boolean[], ?::boolean[]) AS t(b, u, r, n, k, ph, pk, c, m, ns, ac)
                  JOIN res_household h ON h.estate_id = ? AND h.building = t.b AND h.unit = t.u AND h.room = t.r
                ON CONFLICT (estate_id, person_key) DO UPDATE
                   SET household_id = excluded.household_id, name = excluded.name, kind = excluded.kind,
                       phone = excluded.phone, no_smartphone = excluded.no_smartphone,
                       access_control = excluded.access_control, updated_at = now(), updated_by = excluded.created_by
                 WHERE (p.household_id, p.name, p.kind, p.phone, p.no_smartphone, p.access_control)
                       IS DISTINCT FROM (excluded.household_id, excluded.name, excluded.kind, excluded.phone,
                        excluded.no_smartphone, excluded.access_control)
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written""";

    /** The first key of the register's advisory locks ("ResR"); the second is the estate's hash. */
    private static final int REGISTER_LOCK = 0x52657352;

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

    int upsert(long estateId, long household, ResidentLine line, String actor) {
        return named.update(UPSERT, params(estateId, household, line, actor));
    }

    /** Written rows of a set-based import: new people and changed ones; the rest were equal. */
    record Written(int added, int changed) {
    }

    /** A checked line with what is stored of its ID number: the keyed hash, the ciphertext and the mask. */
    record Prepared(ResidentLine line, String key, String cipher, String masked) {
    }

    /**
     * Hashes, encrypts and masks the ID number. Pure computation (each thread keeps its own Mac and
     * Cipher), so an import runs it on every core, outside the importing transaction's thread.
     */
    Prepared prepare(ResidentLine line) {
        return new Prepared(line, keys.keyOf(line.idNumber()), cipher.encrypt(line.idNumber()), IdNumber.mask(line.idNumber()));
    }

    /**
     * Holds the estate's register for this transaction: writers of one estate's people take turns (an
     * import of 50,000 rows keeps it a few seconds), so two imports never deadlock over the same
     * households or people and each one's report counts what was there when it began writing. Other
     * estates are not held (the key is the estate's; a collision of the hashes only makes two estates take
     * turns).
     */
    void lockRegister(long estateId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashint8(:e))").param("space", REGISTER_LOCK).param("e", estateId)
                .query((rs, i) -> 1).list();
    }

    /** Where an import writes its chunks, in file order, in the importing transaction. */
    interface Target {
        Written write(List<Prepared> chunk);
    }

    /**
     * The writer for one import, chosen after {@link #lockRegister}. If the estate has no household yet (and so no
     * person: each references its household) nobody else can add one before this transaction ends (every writer
     * of the register takes the lock), and the file has no ID number twice (the import drops repeats), so
     * no row of this import can meet a registered one: its households and people are plain inserts, without
     * {@code ON CONFLICT}'s speculative insertion or the look-up of the estate's households by address (the
     * ids come back from the household insert). Otherwise each chunk is upserted ({@link #write}).
     */
    Target target(long estateId, String actor) {
        boolean registered = jdbc.sql("SELECT EXISTS (SELECT 1 FROM res_household WHERE estate_id = :e)")
                .param("e", estateId).query(Boolean.class).single();
        return registered ? chunk -> write(estateId, chunk, actor) : new EmptyRegister(estateId, actor);
    }

    /** An import into a register that was empty when it took the lock: everything it writes is new. */
    private final class EmptyRegister implements Target {

        private final long estateId;
        private final String actor;
        /** The households this import has written, by address ({@link ResidentLine#householdKey}). */
        private final Map<List<String>, Long> households = new java.util.HashMap<>();

        EmptyRegister(long estateId, String actor) {
            this.estateId = estateId;
            this.actor = actor;
        }

        @Override
        public Written write(List<Prepared> chunk) {
            if (chunk.isEmpty()) {
                return new Written(0, 0);
            }
            Map<List<String>, ResidentLine> homes = new LinkedHashMap<>();
            for (Prepared p : chunk) {
                List<String> address = p.line().householdKey();
                if (!households.containsKey(address)) {
                    homes.putIfAbsent(address, p.line());
                }
            }
            if (!homes.isEmpty()) {
                insertNewHouseholds(homes.values());
            }
            int added = insertNewPeople(chunk);
            if (added != chunk.size()) {
                throw new IllegalStateException("wrote " + added + " of " + chunk.size() + " new people");
            }
            return new Written(added, 0);
        }

        private void insertNewHouseholds(java.util.Collection<ResidentLine> homes) {
            plain.execute((ConnectionCallback<Void>) con -> {
                try (PreparedStatement ps = con.prepareStatement("""
                        INSERT INTO res_household (estate_id, building, unit, room, created_by)
                        SELECT ?, b, u, r, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS t(b, u, r)
                        RETURNING id, building, unit, room""")) {
                    ps.setLong(1, estateId);
                    ps.setString(2, actor);
                    ps.setArray(3, con.createArrayOf("text", homes.stream().map(ResidentLine::building).toArray()));
                    ps.setArray(4, con.createArrayOf("text", homes.stream().map(ResidentLine::unit).toArray()));
                    ps.setArray(5, con.createArrayOf("text", homes.stream().map(ResidentLine::room).toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            households.put(List.of(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(1));
                        }
                    }
                    return null;
                }
            });
        }

        private int insertNewPeople(List<Prepared> chunk) {
            return plain.execute((ConnectionCallback<Integer>) con -> {
                try (PreparedStatement ps = con.prepareStatement("""
                        INSERT INTO res_person (estate_id, household_id, name, kind, phone, person_key, id_cipher, id_masked,
                                                no_smartphone, access_control, created_by)
                        SELECT ?, t.h, t.n, t.k, t.ph, t.pk, t.c, t.m, t.ns, t.ac, ?
                          FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::boolean[], ?::boolean[]) AS t(h, n, k, ph, pk, c, m, ns, ac)""")) {
                    ps.setLong(1, estateId);
                    ps.setString(2, actor);
                    ps.setArray(3, con.createArrayOf("bigint", chunk.stream().map(p -> households.get(p.line().householdKey())).toArray()));
                    ps.setArray(4, con.createArrayOf("text", chunk.stream().map(p -> p.line().name()).toArray()));
                    ps.setArray(5, con.createArrayOf("text", chunk.stream().map(p -> p.line().kind().name()).toArray()));
                    ps.setArray(6, con.createArrayOf("text", chunk.stream().map(p -> p.line().phone()).toArray()));
                    ps.setArray(7, con.createArrayOf("text", chunk.stream().map(Prepared::key).toArray()));
                    ps.setArray(8, con.createArrayOf("text", chunk.stream().map(Prepared::cipher).toArray()));
                    ps.setArray(9, con.createArrayOf("text", chunk.stream().map(Prepared::masked).toArray()));
                    ps.setArray(10, con.createArrayOf("boolean", chunk.stream().map(p -> p.line().noSmartphone()).toArray()));
                    ps.setArray(11, con.createArrayOf("boolean", chunk.stream().map(p -> p.line().accessControl()).toArray()));
                    return ps.executeUpdate();
                }
            });
        }
    }

    /**
     * Writes one chunk of an import set-based, in the caller's transaction and after {@link #lockRegister}:
     * its new households in one statement, then its people in one statement using arrays.
     */
    Written write(long estateId, List<Prepared> lines, String actor) {
        if (lines.isEmpty()) {
            return new Written(0, 0);
        }
        insertHouseholds(estateId, lines, actor);
        int[] written = upsertPeople(estateId, lines, actor);
        return new Written(written[0], written[1]);
    }

    private void insertHouseholds(long estateId, List<Prepared> lines, String actor) {
        Map<List<String>, ResidentLine> distinct = new LinkedHashMap<>();
        for (Prepared p : lines) {
            distinct.putIfAbsent(p.line().householdKey(), p.line());
        }
        if (distinct.isEmpty()) {
            return;
        }
        plain.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO res_household (estate_id, building, unit, room, created_by)
                    SELECT ?, b, u, r, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS t(b, u, r)
                    ON CONFLICT (estate_id, building, unit, room) DO NOTHING""")) {
                ps.setLong(1, estateId);
                ps.setString(2, actor);
                ps.setArray(3, con.createArrayOf("text", distinct.values().stream().map(ResidentLine::building).toArray()));
                ps.setArray(4, con.createArrayOf("text", distinct.values().stream().map(ResidentLine::unit).toArray()));
                ps.setArray(5, con.createArrayOf("text", distinct.values().stream().map(ResidentLine::room).toArray()));
                return ps.executeUpdate();
            }
        });
    }

    /** New and changed people of one chunk. */
    private int[] upsertPeople(long estateId, List<Prepared> chunk, String actor) {
        return plain.execute((ConnectionCallback<int[]>) con -> {
            try (PreparedStatement ps = con.prepareStatement(SET_UPSERT)) {
                ps.setString(1, actor);
                ps.setArray(2, con.createArrayOf("text", chunk.stream().map(p -> p.line().building()).toArray()));
                ps.setArray(3, con.createArrayOf("text", chunk.stream().map(p -> p.line().unit()).toArray()));
                ps.setArray(4, con.createArrayOf("text", chunk.stream().map(p -> p.line().room()).toArray()));
                ps.setArray(5, con.createArrayOf("text", chunk.stream().map(p -> p.line().name()).toArray()));
                ps.setArray(6, con.createArrayOf("text", chunk.stream().map(p -> p.line().kind().name()).toArray()));
                ps.setArray(7, con.createArrayOf("text", chunk.stream().map(p -> p.line().phone()).toArray()));
                ps.setArray(8, con.createArrayOf("text", chunk.stream().map(Prepared::key).toArray()));
                ps.setArray(9, con.createArrayOf("text", chunk.stream().map(Prepared::cipher).toArray()));
                ps.setArray(10, con.createArrayOf("text", chunk.stream().map(Prepared::masked).toArray()));
                ps.setArray(11, con.createArrayOf("boolean", chunk.stream().map(p -> p.line().noSmartphone()).toArray()));
                ps.setArray(12, con.createArrayOf("boolean", chunk.stream().map(p -> p.line().accessControl()).toArray()));
                ps.setLong(13, estateId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new int[]{rs.getInt(1), rs.getInt(2)};
                }
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
