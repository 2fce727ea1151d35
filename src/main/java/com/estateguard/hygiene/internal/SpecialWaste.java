package com.estateguard.hygiene.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Special waste (特殊垃圾: masks, gloves, home-isolation waste, HYG-06): dedicated containers and
 * a register of every collection and every handover to the designated disposal, with weight and receiver.
 */
@Service
public class SpecialWaste {

    public enum WasteKind { MASKS_GLOVES, HOME_ISOLATION }

    public enum MovementKind { COLLECTION, HANDOVER }

    public record Container(long id, String name, WasteKind kind, String location) {
    }

    public record Movement(long id, String containerName, MovementKind kind, Instant occurredAt, BigDecimal weightKg,
                           String receiver, boolean disinfected, String note, String createdBy) {
    }

    public record ContainerForm(@NotBlank(message = "{hyg.error.containerName}") @Size(max = 60, message = "{hyg.error.containerName}") String name,
                                @NotNull(message = "{hyg.error.wasteKind}") WasteKind kind,
                                @NotBlank(message = "{hyg.error.location}") @Size(max = 100, message = "{hyg.error.location}") String location) {
    }

    public record MovementForm(@NotNull(message = "{hyg.error.container}") Long containerId,
                               @NotNull(message = "{hyg.error.movementKind}") MovementKind kind,
                               @NotNull(message = "{hyg.error.doneAt}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
                               @NotNull(message = "{hyg.error.weight}") @DecimalMin(value = "0.01", message = "{hyg.error.weight}") @DecimalMax(value = "10000", message = "{hyg.error.weight}") BigDecimal weightKg,
                               @Size(max = 60, message = "{hyg.error.receiver}") String receiver,
                               Boolean disinfected,
                               @Size(max = 200, message = "{hyg.error.note}") String note) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    SpecialWaste(JdbcClient jdbc, OrgDirectory org, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    public List<Container> containers(long estateId, CurrentUser user) {
        return jdbc.sql("SELECT id, name, waste_kind, location FROM hyg_waste_container WHERE estate_id = :e AND "
                        + EstateScope.where("estate_id") + " ORDER BY name")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> new Container(rs.getLong("id"), rs.getString("name"), WasteKind.valueOf(rs.getString("waste_kind")),
                        rs.getString("location"))).list();
    }

    public List<Movement> movements(long estateId, CurrentUser user, int limit) {
        return jdbc.sql("""
                        SELECT m.id, c.name, m.kind, m.occurred_at, m.weight_kg, m.receiver, m.disinfected, m.note, m.created_by
                          FROM hyg_waste_movement m JOIN hyg_waste_container c ON c.id = m.container_id
                         WHERE m.estate_id = :e AND\s""" + EstateScope.where("m.estate_id") + "\nORDER BY m.occurred_at DESC LIMIT :limit")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath())).param("limit", limit)
                .query((rs, i) -> new Movement(rs.getLong("id"), rs.getString("name"), MovementKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getBigDecimal("weight_kg"), rs.getString("receiver"),
                        rs.getBoolean("disinfected"), rs.getString("note"), rs.getString("created_by"))).list();
    }

    public long addContainer(long estateId, ContainerForm form, CurrentUser user) {
        org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
        try {
            return jdbc.sql("""
                            INSERT INTO hyg_waste_container (estate_id, name, waste_kind, location, created_by)
                            VALUES (:e, :name, :kind, :loc, :by) RETURNING id""")
                    .param("e", estateId).param("name", form.name().trim()).param("kind", form.kind().name())
                    .param("loc", form.location().trim()).param("by", user.actor()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("hyg.error.containerExists", form.name());
        }
    }

    /** A handover needs the receiver (the designated disposal's person); a collection does not. */
    public long record(long estateId, MovementForm form, CurrentUser user) {
        boolean ours = containers(estateId, user).stream().anyMatch(c -> c.id() == form.containerId());
        if (!ours) {
            throw new NotFoundException("container", form.containerId());
        }
        String receiver = form.receiver() == null || form.receiver().isBlank() ? null : form.receiver().trim();
        if (form.kind() == MovementKind.HANDOVER && receiver == null) {
            throw new InvalidInputException("hyg.error.receiverRequired");
        }
        Instant at = form.occurredAt().atZone(zone).toInstant();
        if (at.isAfter(clock.instant().plusSeconds(300))) {
            throw new InvalidInputException("hyg.error.doneAtFuture");
        }
        return jdbc.sql("""
                        INSERT INTO hyg_waste_movement (container_id, estate_id, kind, occurred_at, weight_kg, receiver, disinfected,
                                                        note, created_by)
                        VALUES (:c, :e, :kind, :at, :w, :r, :d, :note, :by) RETURNING id""")
                .param("c", form.containerId()).param("e", estateId).param("kind", form.kind().name())
                .param("at", Timestamp.from(at)).param("w", form.weightKg()).param("r", receiver).param("d", Boolean.TRUE.equals(form.disinfected()))
                .param("note", form.note() == null || form.note().isBlank() ? null : form.note().trim()).param("by", user.actor())
                .query(Long.class).single();
    }
}
