package com.estateguard.emergency.internal.contacts;

import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored protocol versions ({@code emg_contact_protocol}, append-only). The presets are the
 * first rows (V87); a new version copies one and changes what the authorities decided.
 */
@Component
public class ProtocolVersions {

    private static final String SELECT = "SELECT id, name, edition, parameters::text AS parameters, based_on_id, created_at, created_by FROM emg_contact_protocol";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Validator validator;
    private final java.util.Map<Long, ProtocolVersion> read = new java.util.concurrent.ConcurrentHashMap<>();

    ProtocolVersions(JdbcClient jdbc, JsonMapper json, Validator validator) {
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
    }

    public List<ProtocolVersion> all() {
        return jdbc.sql(SELECT + " ORDER BY id").query(this::version).list();
    }

    /** A stored version never changes (the table is append-only), so one read serves every later decision. */
    public ProtocolVersion byId(long id) {
        ProtocolVersion known = read.get(id);
        if (known != null) {
            return known;
        }
        ProtocolVersion version = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::version).optional()
                .orElseThrow(() -> new NotFoundException("protocol", id));
        read.put(id, version);
        return version;
    }

    /** The version a new incident starts with: the newest one stored. */
    public ProtocolVersion newest() {
        return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT 1").query(this::version).single();
    }

    /** Stores a new version based on another; its numbers are validated like a policy's. */
    @Transactional
    public long create(String name, long basedOnId, ContactProtocol protocol, String by) {
        ProtocolVersion base = byId(basedOnId);
        Set<ConstraintViolation<ContactProtocol>> violations = validator.validate(protocol);
        if (!violations.isEmpty()) {
            ConstraintViolation<ContactProtocol> first = violations.iterator().next();
            throw new InvalidInputException("contacts.error.protocolInvalid", first.getPropertyPath().toString(), first.getMessage());
        }
        return jdbc.sql("""
                        INSERT INTO emg_contact_protocol (name, edition, parameters, based_on_id, created_by)
                        VALUES (:name, :edition, CAST(:p AS jsonb), :base, :by) RETURNING id""")
                .param("name", name).param("edition", base.edition().name()).param("p", json.writeValueAsString(protocol))
                .param("base", basedOnId).param("by", by).query(Long.class).single();
    }

    private ProtocolVersion version(ResultSet rs, int row) throws SQLException {
        long base = rs.getLong("based_on_id");
        Long basedOn = rs.wasNull() ? null : base;
        return new ProtocolVersion(rs.getLong("id"), rs.getString("name"), ProtocolEdition.valueOf(rs.getString("edition")),
                json.readValue(rs.getString("parameters"), ContactProtocol.class), basedOn,
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
