package com.estateguard.residents.internal;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.SearchTooBroad;
import org.springframework.dao.DataAccessException;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.KeysetPage;
import com.estateguard.healthdata.PersonKeys;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.residents.ResidentPermission;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of households and people of an estate (RES-01): add, search, page, export. */
@Service
@Transactional(readOnly = true)
public class ResidentRegister {

    static final String SELECT = """
            SELECT p.id, p.estate_id, e.name AS estate_name, p.household_id, h.building, h.unit, h.room, p.name, p.kind,
                   p.phone, p.person_key, p.id_masked, p.no_smartphone, p.access_control, p.created_at
              FROM res_person p JOIN res_household h ON h.id = p.household_id JOIN org_estate e ON e.id = p.estate_id
            """;
    /** The search box: name, phone prefix, ID number (by its keyed hash) or address. */
    private static final String TEXT = """
            (:q = '' OR p.name LIKE :contains OR p.phone LIKE :prefix OR p.person_key = :qkey
                    OR (h.building || '-' || h.unit || '-' || h.room) LIKE :contains
                    OR (h.building || '-' || h.room) LIKE :contains)""";
    /**
     * The search box over a district or a city (more than {@link #WIDE_SCOPE} estates and none chosen): name, phone
     * prefix or ID number, each of which an index can answer (V200); an address such as 1-2-301 is in every estate and
     * is searched once an estate is chosen.
     */
    private static final String TEXT_WIDE = "(p.name LIKE :contains OR p.phone LIKE :prefix OR p.person_key = :qkey)";
    /**
     * The people a wide search matches, each alternative answered by its own index and the three combined in one bitmap
     * (V200): the name's characters (a GIN index on {@code string_to_array(name, null)}, so that a two-character name is
     * found as well as a longer one; trigrams need three), the phone number's prefix, the ID number's keyed hash.
     */
    private static final String WIDE_MATCHES = """
            ((string_to_array(p.name, null) @> string_to_array(:q, null) AND p.name LIKE :contains)
              OR p.phone LIKE :prefix OR p.person_key = :qkey)""";
    /**
     * A wide search with at most this many candidates sorts them; with more, it walks the estates (see {@link #readWide}).
     * On the generated city: 8,336 matches sorted took 0.6 s at load 6-10 and walked 0.45 s; 1 match sorted 2 ms.
     */
    static final int WIDE_SORT_MAX = 5_000;
    /** Over more estates than an estate filter lists at once, a search is "wide" (see {@link #TEXT_WIDE}). */
    public static final int WIDE_SCOPE = com.estateguard.org.EstateChoice.LIST_MAX;
    private static final String FILTER = """
             WHERE %s
               AND (cast(:estate AS bigint) IS NULL OR p.estate_id = :estate)
               AND (cast(:kind AS text) IS NULL OR p.kind = :kind)
               AND %s
            """.formatted(EstateScope.where("p.estate_id"), TEXT);

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final PersonKeys keys;
    private final IdCipher cipher;
    private final ResidentWriter writer;
    private final AuditTrail audit;
    private java.time.Duration listTimeout;

    ResidentRegister(JdbcClient jdbc, OrgDirectory org, PersonKeys keys, IdCipher cipher, ResidentWriter writer, AuditTrail audit,
                     @org.springframework.beans.factory.annotation.Value("${estateguard.lists.statement-timeout:3s}")
                     java.time.Duration listTimeout) {
        this.listTimeout = listTimeout;
        this.jdbc = jdbc;
        this.org = org;
        this.keys = keys;
        this.cipher = cipher;
        this.writer = writer;
        this.audit = audit;
    }

    java.time.Duration listTimeout() {
        return listTimeout;
    }

    /** For a test of the time limit. */
    void listTimeout(java.time.Duration limit) {
        this.listTimeout = limit;
    }

    /** Adds one person; the same ID number twice in one estate is refused. */
    @Transactional
    public long add(long estateId, ResidentLine line, CurrentUser by) {
        estateInScope(estateId, by);
        writer.lockRegister(estateId);
        if (!IdNumber.valid(line.idNumber())) {
            throw new InvalidInputException("residents.error.idInvalid");
        }
        if (byKey(estateId, keys.keyOf(line.idNumber())).isPresent()) {
            throw new InvalidInputException("residents.error.duplicate", IdNumber.mask(line.idNumber()));
        }
        long household = writer.household(estateId, line, by.actor());
        writer.upsert(estateId, household, line, by.actor());
        return byKey(estateId, keys.keyOf(line.idNumber())).orElseThrow().id();
    }

    /**
     * A page of the register in register order (estate name, building, unit, room), read by keyset (issue 12 §3):
     * the estates in scope are walked in name order and each one's households read in address order from the
     * (estate, building, unit, room) key with their people (a LATERAL join with a LIMIT), so a page never sorts a
     * city's five million people and costs the same deep in the list.
     * The cursor is the last row's (estate name, estate id, building, unit, room, person id); the count stops at
     * {@link KeysetPage#COUNT_CAP}.
     */
    public KeysetPage<ResidentRow> page(Long estateId, String q, PersonKind kind, CurrentUser me, String after, String before, int size) {
        String text = q == null ? "" : q.trim();
        // A search over a whole city that no index can answer (an address; a name where the matches are too many to
        // sort, and in too few estates for the walk to fill a page quickly) is stopped at the list's time limit and
        // answered with a request to narrow it (docs/PERFORMANCE.md).
        SearchTooBroad.limitStatements(jdbc, listTimeout);
        try {
            return !text.isEmpty() && searchesWide(estateId, me)
                    ? readWide(text, kind, me, after, before, size, WIDE_SORT_MAX)
                    : read(estateId, text, kind, me, after, before, size);
        } catch (DataAccessException e) {
            if (SearchTooBroad.causedBy(e)) {
                throw new SearchTooBroad();
            }
            throw e;
        }
    }

    /**
     * Whether a search here is wide: no estate chosen and more estates in scope than {@link #WIDE_SCOPE}. It then
     * matches names, phone numbers and ID numbers, not addresses (see {@link #TEXT_WIDE}); the page says so.
     */
    public boolean searchesWide(Long estateId, CurrentUser me) {
        return estateId == null && org.countEstates(me.scopePath()) > WIDE_SCOPE;
    }

    /**
     * A wide search (issue 12 §3). The candidates are counted from the indexes first, each branch stopping past
     * {@code sortMax}: when they are few, the matches are read from the indexes and sorted into register order (a rare
     * name over five million people: milliseconds); when they are many, the estates are walked in register order with
     * the search as a filter, which fills a page after a few estates. Same order, cursor and count as {@link #read}.
     */
    KeysetPage<ResidentRow> readWide(String text, PersonKind kind, CurrentUser me, String after, String before, int size,
                                     int sortMax) {
        if (text.codePointCount(0, text.length()) < 2) {
            // One character (a surname) matches too many people for its index entries to be worth reading first.
            return walk(TEXT_WIDE, true, null, text, kind, me, after, before, size,
                    " WHERE " + EstateScope.where("p.estate_id") + " AND (cast(:kind AS text) IS NULL OR p.kind = :kind) AND " + TEXT_WIDE);
        }
        long candidates = filtered(jdbc.sql("""
                SELECT (SELECT count(*) FROM (SELECT 1 FROM res_person p WHERE string_to_array(p.name, null) @> string_to_array(:q, null)
                                                 AND p.name LIKE :contains LIMIT :cap) a)
                     + (SELECT count(*) FROM (SELECT 1 FROM res_person p WHERE p.phone LIKE :prefix LIMIT :cap) b)"""),
                null, text, kind, me).param("cap", sortMax + 1).query(Long.class).single();
        String where = " WHERE " + WIDE_MATCHES + " AND " + EstateScope.where("p.estate_id")
                + " AND (cast(:kind AS text) IS NULL OR p.kind = :kind)";
        if (candidates > sortMax) {
            return walk(TEXT_WIDE, true, null, text, kind, me, after, before, size, where);
        }
        return sorted(where, null, text, kind, me, after, before, size);
    }

    private KeysetPage<ResidentRow> read(Long estateId, String text, PersonKind kind, CurrentUser me, String after, String before,
                                         int size) {
        // A search selects few people wherever they live: read the matches and order them (the walk by estate would
        // visit every estate of a street for a rare name).
        return text.isEmpty() ? walk(TEXT, false, estateId, text, kind, me, after, before, size, FILTER)
                : sorted(FILTER, estateId, text, kind, me, after, before, size);
    }

    /** The matches of {@code where} read flat and sorted into register order, a page at a time. */
    private KeysetPage<ResidentRow> sorted(String where, Long estateId, String text, PersonKind kind, CurrentUser me, String after,
                                           String before, int size) {
        return KeysetPage.read(after, before, 6, size, (cursor, backwards, limit) -> {
            String dir = backwards ? " DESC" : "";
            String seek = cursor == null ? "" : " AND (e.name, e.id, h.building, h.unit, h.room, p.id) "
                    + (backwards ? "<" : ">") + " (:en, :eid, :b, :u, :r, :pid)";
            var spec = filtered(jdbc.sql(SELECT + where + seek + " ORDER BY e.name%s, e.id%s, h.building%s, h.unit%s, h.room%s, p.id%s LIMIT :limit"
                    .formatted(dir, dir, dir, dir, dir, dir)), estateId, text, kind, me).param("limit", limit);
            return seek(spec, cursor).query(ResidentRow.class).list();
        }, ResidentRegister::cursorOf, () -> count(where, estateId, text, kind, me));
    }

    /**
     * The estates in scope walked in (name, id) order, each one's households read in address order from the (estate,
     * building, unit, room) key with their people matching {@code text} (a LATERAL join with a LIMIT): PostgreSQL's
     * incremental sort stops after the estates the page needs, so a page never sorts a city's five million people.
     * {@code byPerson}: each estate's people are read first and filtered (a search matching many of them), then their
     * households, instead of every household of the estate.
     */
    private KeysetPage<ResidentRow> walk(String textRule, boolean byPerson, Long estateId, String text, PersonKind kind, CurrentUser me, String after,
                                         String before, int size, String countWhere) {
        return KeysetPage.read(after, before, 6, size, (cursor, backwards, limit) -> {
            String dir = backwards ? " DESC" : "";
            String estateSeek = cursor == null ? "" : backwards ? " AND (o.name, o.id) <= (:en, :eid)" : " AND (o.name, o.id) >= (:en, :eid)";
            String personSeek = cursor == null ? "" : " AND (h.estate_id <> :eid OR (h.building, h.unit, h.room, p.id) "
                    + (backwards ? "<" : ">") + " (:b, :u, :r, :pid))";
            String sql = """
                    SELECT x.* FROM (SELECT o.id, o.name FROM org_estate o WHERE %s
                                        AND (cast(:estate AS bigint) IS NULL OR o.id = :estate)%s
                                      ORDER BY o.name%s, o.id%s) e
                     CROSS JOIN LATERAL (
                        SELECT p.id, p.estate_id, e.name AS estate_name, p.household_id, h.building, h.unit, h.room, p.name, p.kind,
                               p.phone, p.person_key, p.id_masked, p.no_smartphone, p.access_control, p.created_at
                          FROM %s
                         WHERE %s = e.id%s
                           AND (cast(:kind AS text) IS NULL OR p.kind = :kind)
                           AND %s
                         ORDER BY h.building%s, h.unit%s, h.room%s, p.id%s LIMIT :limit) x
                     ORDER BY e.name%s, e.id%s, x.building%s, x.unit%s, x.room%s, x.id%s LIMIT :limit"""
                    .formatted(EstateScope.where("o.id"), estateSeek, dir, dir,
                            byPerson ? "res_person p JOIN res_household h ON h.id = p.household_id"
                                    : "res_household h JOIN res_person p ON p.household_id = h.id",
                            byPerson ? "p.estate_id" : "h.estate_id", personSeek, textRule, dir, dir, dir, dir,
                            dir, dir, dir, dir, dir, dir);
            var spec = filtered(jdbc.sql(sql), estateId, text, kind, me).param("limit", limit);
            return seek(spec, cursor).query(ResidentRow.class).list();
        }, ResidentRegister::cursorOf, () -> count(countWhere, estateId, text, kind, me));
    }

    /** How many people match, stopped past {@link KeysetPage#COUNT_CAP}. */
    private long count(String where, Long estateId, String text, PersonKind kind, CurrentUser me) {
        return filtered(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM res_person p JOIN res_household h ON h.id = p.household_id"
                + where + " LIMIT :cap) AS capped"), estateId, text, kind, me).param("cap", KeysetPage.COUNT_CAP + 1)
                .query(Long.class).single();
    }

    private static JdbcClient.StatementSpec seek(JdbcClient.StatementSpec spec, String[] cursor) {
        if (cursor == null) {
            return spec;
        }
        return spec.param("en", cursor[0]).param("eid", Long.parseLong(cursor[1])).param("b", cursor[2]).param("u", cursor[3])
                .param("r", cursor[4]).param("pid", Long.parseLong(cursor[5]));
    }

    private static String cursorOf(ResidentRow r) {
        return KeysetPage.cursor(r.estateName(), r.estateId(), r.building(), r.unit(), r.room(), r.id());
    }

    /** Every matching row, in register order, for the Excel export. */
    public void forEach(Long estateId, String q, PersonKind kind, CurrentUser me, Consumer<ResidentRow> each) {
        filtered(jdbc.sql(SELECT + FILTER + " ORDER BY e.name, h.building, h.unit, h.room, p.id"), estateId,
                q == null ? "" : q.trim(), kind, me).query(ResidentRow.class).stream().forEach(each);
    }

    public ResidentRow byId(long id, CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND " + EstateScope.where("p.estate_id"))
                .param("id", id).param("scope", EstateScope.bind(me.scopePath())).query(ResidentRow.class).optional()
                .orElseThrow(() -> new NotFoundException("person", id));
    }

    /**
     * The full ID number, only for roles that need it (e.g. to report to the community); every time
     * it is shown goes to the audit trail, with the person named by their masked number.
     */
    public String fullIdNumber(long id, String reason, CurrentUser me) {
        ResidentRow person = byId(id, me);
        if (!me.can(ResidentPermission.RESIDENT_ID_VIEW)) {
            return person.idMasked();
        }
        String full = cipher.decrypt(jdbc.sql("SELECT id_cipher FROM res_person WHERE id = :id").param("id", id).query(String.class).single());
        audit.record(AuditEntry.by(me, AuditAction.ID_VIEW, subject(person)).inEstate(person.estateId()).because(reason));
        return full;
    }

    /** How the audit trail names a person of the register: name, masked number and entry. */
    static String subject(ResidentRow person) {
        return "住户 " + person.name() + " " + person.idMasked() + " #" + person.id();
    }

    /** The person with this keyed ID hash in the estate, e.g. for a pass or a gate check. */
    public Optional<ResidentRow> byKey(long estateId, String personKey) {
        return jdbc.sql(SELECT + " WHERE p.estate_id = :estate AND p.person_key = :key")
                .param("estate", estateId).param("key", personKey).query(ResidentRow.class).optional();
    }

    public EstateRef estateInScope(long estateId, CurrentUser me) {
        return org.estate(new EstateId(estateId), me.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
    }

    private JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, Long estateId, String q, PersonKind kind, CurrentUser me) {
        String qkey = IdNumber.valid(q) ? keys.keyOf(q) : "-";
        String literal = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return spec.param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId)
                .param("kind", kind == null ? null : kind.name()).param("q", q).param("qkey", qkey)
                .param("contains", "%" + literal + "%").param("prefix", literal + "%");
    }
}
