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
            (:q = '' OR p.name LIKE '%' || :q || '%' OR p.phone LIKE :q || '%' OR p.person_key = :qkey
                    OR (h.building || '-' || h.unit || '-' || h.room) LIKE '%' || :q || '%'
                    OR (h.building || '-' || h.room) LIKE '%' || :q || '%')""";
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
    private final java.time.Duration listTimeout;

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
        // A name searched over a whole city reads every person in scope (5 million: 4-20 s on the generated city):
        // stopped at the list's time limit and answered with a request to narrow it (docs/PERFORMANCE.md).
        SearchTooBroad.limitStatements(jdbc, listTimeout);
        try {
            return read(estateId, text, kind, me, after, before, size);
        } catch (DataAccessException e) {
            if (SearchTooBroad.causedBy(e)) {
                throw new SearchTooBroad();
            }
            throw e;
        }
    }

    private KeysetPage<ResidentRow> read(Long estateId, String text, PersonKind kind, CurrentUser me, String after, String before,
                                         int size) {
        return KeysetPage.read(after, before, 6, size, (cursor, backwards, limit) -> {
            String dir = backwards ? " DESC" : "";
            if (!text.isEmpty()) {
                // A search selects few people wherever they live: read the matches and order them (the walk by estate
                // would visit every estate of a city for a rare name). Same order and cursor as the walk.
                String seek = cursor == null ? "" : " AND (e.name, e.id, h.building, h.unit, h.room, p.id) "
                        + (backwards ? "<" : ">") + " (:en, :eid, :b, :u, :r, :pid)";
                var spec = filtered(jdbc.sql(SELECT + FILTER + seek + " ORDER BY e.name%s, e.id%s, h.building%s, h.unit%s, h.room%s, p.id%s LIMIT :limit"
                        .formatted(dir, dir, dir, dir, dir, dir)), estateId, text, kind, me).param("limit", limit);
                if (cursor != null) {
                    spec = spec.param("en", cursor[0]).param("eid", Long.parseLong(cursor[1])).param("b", cursor[2]).param("u", cursor[3])
                            .param("r", cursor[4]).param("pid", Long.parseLong(cursor[5]));
                }
                return spec.query(ResidentRow.class).list();
            }
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
                          FROM res_household h JOIN res_person p ON p.household_id = h.id
                         WHERE h.estate_id = e.id%s
                           AND (cast(:kind AS text) IS NULL OR p.kind = :kind)
                           AND %s
                         ORDER BY h.building%s, h.unit%s, h.room%s, p.id%s LIMIT :limit) x
                     ORDER BY e.name%s, e.id%s, x.building%s, x.unit%s, x.room%s, x.id%s LIMIT :limit"""
                    .formatted(EstateScope.where("o.id"), estateSeek, dir, dir, personSeek, TEXT, dir, dir, dir, dir,
                            dir, dir, dir, dir, dir, dir);
            var spec = filtered(jdbc.sql(sql), estateId, text, kind, me).param("limit", limit);
            if (cursor != null) {
                spec = spec.param("en", cursor[0]).param("eid", Long.parseLong(cursor[1])).param("b", cursor[2]).param("u", cursor[3])
                        .param("r", cursor[4]).param("pid", Long.parseLong(cursor[5]));
            }
            return spec.query(ResidentRow.class).list();
        }, r -> KeysetPage.cursor(r.estateName(), r.estateId(), r.building(), r.unit(), r.room(), r.id()),
                () -> filtered(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM res_person p JOIN res_household h ON h.id = p.household_id"
                        + FILTER + " LIMIT :cap) AS capped"), estateId, text, kind, me).param("cap", KeysetPage.COUNT_CAP + 1)
                        .query(Long.class).single());
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
        return spec.param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId)
                .param("kind", kind == null ? null : kind.name()).param("q", q).param("qkey", qkey);
    }
}
