package com.estateguard.supplies.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The supplies ledger of an estate (物资台账, SUP-01..03): items, movements, stock and days of cover. */
@Service
public class Supplies {

    public enum Direction { IN, OUT }

    public record Item(long id, long estateId, String name, SupplyCategory category, String unit, boolean flammable,
                       String storagePlace, String keeper) {
    }

    /** An item with its stock at a moment and the cover it gives under the policy. */
    public record Stock(Item item, BigDecimal usedThatDay, DaysOfCover cover) {
    }

    public record ItemForm(@NotBlank(message = "{sup.error.name}") @Size(max = 60, message = "{sup.error.name}") String name,
                           @NotNull(message = "{sup.error.category}") SupplyCategory category,
                           @NotBlank(message = "{sup.error.unit}") @Size(max = 10, message = "{sup.error.unit}") String unit,
                           Boolean flammable,
                           @Size(max = 100, message = "{sup.error.storage}") String storagePlace,
                           @Size(max = 40, message = "{sup.error.keeper}") String keeper) {
    }

    public record MovementForm(@NotNull(message = "{sup.error.item}") Long itemId,
                               @NotNull(message = "{sup.error.direction}") Direction direction,
                               @NotNull(message = "{sup.error.quantity}") @DecimalMin(value = "0.01", message = "{sup.error.quantity}")
                               @DecimalMax(value = "10000000", message = "{sup.error.quantity}") BigDecimal quantity,
                               @NotNull(message = "{sup.error.time}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
                               @Size(max = 200, message = "{sup.error.note}") String note) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    Supplies(JdbcClient jdbc, OrgDirectory org, Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    public EstateRef estate(long estateId, CurrentUser user) {
        return org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
    }

    public List<Item> items(long estateId, CurrentUser user) {
        return jdbc.sql("SELECT * FROM sup_item WHERE estate_id = :e AND " + EstateScope.where("estate_id") + " ORDER BY category, name")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> new Item(rs.getLong("id"), rs.getLong("estate_id"), rs.getString("name"),
                        SupplyCategory.valueOf(rs.getString("category")), rs.getString("unit"), rs.getBoolean("flammable"),
                        rs.getString("storage_place"), rs.getString("keeper"))).list();
    }

    /** Flammable items (SUP-02) must name where they are stored apart and who keeps them. */
    public long addItem(long estateId, ItemForm form, CurrentUser user) {
        estate(estateId, user);
        boolean flammable = form.flammable() == null ? form.category().flammableByDefault() : form.flammable();
        String place = blankToNull(form.storagePlace());
        String keeper = blankToNull(form.keeper());
        if (flammable && (place == null || keeper == null)) {
            throw new InvalidInputException("sup.error.flammableNeedsKeeper");
        }
        try {
            return jdbc.sql("""
                            INSERT INTO sup_item (estate_id, name, category, unit, flammable, storage_place, keeper, created_by)
                            VALUES (:e, :n, :c, :u, :f, :p, :k, :by) RETURNING id""")
                    .param("e", estateId).param("n", form.name().trim()).param("c", form.category().name())
                    .param("u", form.unit().trim()).param("f", flammable).param("p", place).param("k", keeper)
                    .param("by", user.actor()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("sup.error.exists", form.name());
        }
    }

    /** Stock can never go below zero: taking out more than there is is refused. */
    public long move(long estateId, MovementForm form, CurrentUser user) {
        Item item = items(estateId, user).stream().filter(i -> i.id() == form.itemId()).findFirst()
                .orElseThrow(() -> new NotFoundException("item", form.itemId()));
        Instant at = form.occurredAt().atZone(zone).toInstant();
        if (at.isAfter(clock.instant().plusSeconds(300))) {
            throw new InvalidInputException("sup.error.future");
        }
        if (form.direction() == Direction.OUT && stockAt(item.id(), clock.instant()).compareTo(form.quantity()) < 0) {
            throw new InvalidInputException("sup.error.notEnough", item.name());
        }
        return jdbc.sql("""
                        INSERT INTO sup_movement (item_id, estate_id, direction, quantity, occurred_at, note, created_by)
                        VALUES (:i, :e, :d, :q, :at, :note, :by) RETURNING id""")
                .param("i", item.id()).param("e", estateId).param("d", form.direction().name()).param("q", form.quantity())
                .param("at", Timestamp.from(at)).param("note", blankToNull(form.note())).param("by", user.actor())
                .query(Long.class).single();
    }

    /** Each item's stock at the end of the day, its use that day and its cover under the policy in force. */
    public List<Stock> stock(EstateRef estate, List<Item> items, LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant at = end.isAfter(clock.instant()) ? clock.instant() : end;
        SupplyParameters policy = policies.inForce(estate.regionPath(), at).parameters().group(SupplyParameters.class);
        Instant windowStart = day.plusDays(1 - policy.consumptionWindowDays()).atStartOfDay(zone).toInstant();
        return items.stream().map(item -> new Stock(item, usedBetween(item.id(), day.atStartOfDay(zone).toInstant(), end),
                DaysOfCover.of(stockAt(item.id(), end), usedBetween(item.id(), windowStart, end),
                        policy.consumptionWindowDays(), policy.supplyCoverDays()))).toList();
    }

    /** For the daily report; the caller has checked the estate is in scope. */
    public List<Stock> stockOfEstate(EstateRef estate, LocalDate day) {
        return stock(estate, itemsUnscoped(estate.id()), day);
    }

    private List<Item> itemsUnscoped(long estateId) {
        return jdbc.sql("SELECT * FROM sup_item WHERE estate_id = :e ORDER BY category, name").param("e", estateId)
                .query((rs, i) -> new Item(rs.getLong("id"), rs.getLong("estate_id"), rs.getString("name"),
                        SupplyCategory.valueOf(rs.getString("category")), rs.getString("unit"), rs.getBoolean("flammable"),
                        rs.getString("storage_place"), rs.getString("keeper"))).list();
    }

    private BigDecimal stockAt(long itemId, Instant at) {
        return jdbc.sql("""
                        SELECT coalesce(sum(CASE direction WHEN 'IN' THEN quantity ELSE -quantity END), 0)
                          FROM sup_movement WHERE item_id = :i AND occurred_at < :at""")
                .param("i", itemId).param("at", Timestamp.from(at)).query(BigDecimal.class).single();
    }

    private BigDecimal usedBetween(long itemId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT coalesce(sum(quantity), 0) FROM sup_movement
                         WHERE item_id = :i AND direction = 'OUT' AND occurred_at >= :from AND occurred_at < :to""")
                .param("i", itemId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(BigDecimal.class).single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
