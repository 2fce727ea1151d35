package com.estateguard.residents.internal;

import com.estateguard.access.CheckpointPermission;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels at the pickup points (ACC-13): the intake log (disinfected or not), the resident's
 * in-app notice (their uncollected parcels), and pickup confirmation. Arrival and pickup are the
 * application clock's times: a case's timeline selects parcels by when they arrived.
 */
@Service
@Transactional(readOnly = true)
public class Parcels {

    public record Parcel(long id, long estateId, String address, String recipientName, String pickupPoint, String carrier,
                         boolean disinfected, Instant createdAt, String createdBy, Instant pickedUpAt, String pickedUpBy) {
    }

    private static final String SELECT = """
            SELECT p.id, p.estate_id, h.building || '-' || h.unit || '-' || h.room AS address, p.recipient_name, p.pickup_point,
                   p.carrier, p.disinfected, p.created_at, p.created_by, p.picked_up_at, p.picked_up_by
              FROM res_parcel p JOIN res_household h ON h.id = p.household_id
            """;

    private final JdbcClient jdbc;
    private final ResidentRegister register;
    private final OrgDirectory org;
    private final Clock clock;

    Parcels(JdbcClient jdbc, ResidentRegister register, OrgDirectory org, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.org = org;
        this.clock = clock;
    }

    /** Logs a parcel for a home of the register; the household's residents see it at once. */
    @Transactional
    public long intake(long estateId, String building, String unit, String room, String recipient, String pickupPoint,
                       String carrier, boolean disinfected, CurrentUser by) {
        register.estateInScope(estateId, by);
        if (!org.pickupPoints(new EstateId(estateId)).contains(pickupPoint)) {
            throw new InvalidInputException("parcel.error.pickupPoint");
        }
        Long household = jdbc.sql("SELECT id FROM res_household WHERE estate_id = :e AND building = :b AND unit = :u AND room = :r")
                .param("e", estateId).param("b", trim(building)).param("u", trim(unit)).param("r", trim(room))
                .query(Long.class).optional().orElseThrow(() -> new InvalidInputException("parcel.error.noHome"));
        return jdbc.sql("""
                        INSERT INTO res_parcel (estate_id, household_id, recipient_name, pickup_point, carrier, disinfected,
                                                created_at, created_by)
                        VALUES (:e, :h, :n, :p, :c, :d, :at, :by) RETURNING id""")
                .param("at", Timestamp.from(clock.instant())).param("e", estateId).param("h", household).param("n", trim(recipient).isEmpty() ? "住户" : trim(recipient))
                .param("p", pickupPoint).param("c", trim(carrier)).param("d", disinfected).param("by", by.actor())
                .query(Long.class).single();
    }

    public List<Parcel> waiting(Long estateId, CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE " + EstateScope.where("p.estate_id")
                        + " AND (cast(:estate AS bigint) IS NULL OR p.estate_id = :estate) AND p.picked_up_at IS NULL ORDER BY p.id DESC LIMIT 200")
                .param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId).query(Parcel.class).list();
    }

    /** The notice a resident sees: parcels for their home, uncollected first. */
    public List<Parcel> mine(CurrentUser me) {
        return jdbc.sql(SELECT + """
                         WHERE p.household_id IN (SELECT household_id FROM res_person WHERE username = :u)
                         ORDER BY p.picked_up_at IS NOT NULL, p.id DESC LIMIT 50""")
                .param("u", me.username()).query(Parcel.class).list();
    }

    /** Confirms the pickup, by staff at the point or by the resident themselves; only once. */
    @Transactional
    public void pickUp(long parcelId, CurrentUser by) {
        boolean own = jdbc.sql("""
                        SELECT count(*) FROM res_parcel WHERE id = :id
                           AND household_id IN (SELECT household_id FROM res_person WHERE username = :u)""")
                .param("id", parcelId).param("u", by.username()).query(Long.class).single() > 0;
        boolean staff = jdbc.sql("SELECT count(*) FROM res_parcel WHERE id = :id AND " + EstateScope.where("estate_id"))
                .param("id", parcelId).param("scope", EstateScope.bind(by.scopePath())).query(Long.class).single() > 0
                && by.can(CheckpointPermission.VISITOR_REGISTER);
        if (!own && !staff) {
            throw new NotFoundException("parcel", parcelId);
        }
        int n = jdbc.sql("UPDATE res_parcel SET picked_up_at = :at, picked_up_by = :by WHERE id = :id AND picked_up_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).param("id", parcelId).update();
        if (n == 0) {
            throw new ParcelAlreadyPickedUp();
        }
    }

    /** Links a resident login to their entry in the register (demo data, administration). */
    @Transactional
    public void linkLogin(long personId, String username) {
        jdbc.sql("UPDATE res_person SET username = :u WHERE id = :id").param("u", username).param("id", personId).update();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
