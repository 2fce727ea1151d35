package com.estateguard.residents.internal;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.Paging;
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
    private static final String FILTER = """
             WHERE %s
               AND (cast(:estate AS bigint) IS NULL OR p.estate_id = :estate)
               AND (cast(:kind AS text) IS NULL OR p.kind = :kind)
               AND (:q = '' OR p.name LIKE '%%' || :q || '%%' OR p.phone LIKE :q || '%%' OR p.person_key = :qkey
                    OR (h.building || '-' || h.unit || '-' || h.room) LIKE '%%' || :q || '%%'
                    OR (h.building || '-' || h.room) LIKE '%%' || :q || '%%')
            """.formatted(EstateScope.where("p.estate_id"));

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final PersonKeys keys;
    private final IdCipher cipher;
    private final ResidentWriter writer;
    private final AuditTrail audit;

    ResidentRegister(JdbcClient jdbc, OrgDirectory org, PersonKeys keys, IdCipher cipher, ResidentWriter writer, AuditTrail audit) {
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

    public Paging<ResidentRow> search(Long estateId, String q, PersonKind kind, CurrentUser me, int page, int size) {
        String text = q == null ? "" : q.trim();
        long total = filtered(jdbc.sql("SELECT count(*) FROM res_person p JOIN res_household h ON h.id = p.household_id" + FILTER),
                estateId, text, kind, me).query(Long.class).single();
        List<ResidentRow> rows = filtered(jdbc.sql(SELECT + FILTER + " ORDER BY e.name, h.building, h.unit, h.room, p.id LIMIT :limit OFFSET :offset"),
                estateId, text, kind, me).param("limit", size).param("offset", (long) (page - 1) * size)
                .query(ResidentRow.class).list();
        return new Paging<>(rows, page, size, total);
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
