package com.estateguard.supervision.internal.sanctions;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.supervision.internal.SupervisionParameters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The sanctions register (SPV-09): each sanction on a company with its ground, date and expiry. */
@Service
public class Sanctions {

    /** What the ground of a sanction is: an inspection or a rectification order. */
    public enum GroundKind { INSPECTION, ORDER }

    public record SanctionForm(@NotNull(message = "{spv.sanction.error.kind}") SanctionKind kind,
                               @NotNull(message = "{spv.sanction.error.ground}") GroundKind groundKind,
                               @NotNull(message = "{spv.sanction.error.ground}") Long groundId,
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate imposedOn,
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                               @NotBlank(message = "{spv.sanction.error.reason}") @Size(max = 500, message = "{spv.sanction.error.reason}") String reason) {
    }

    public record Sanction(long id, long companyId, String companyName, Long estateId, String estateName, SanctionKind kind,
                           Long inspectionId, Long orderId, LocalDate imposedOn, LocalDate expiresOn, String reason,
                           String imposedBy, boolean inForce) {
    }

    private record Ground(Long inspectionId, Long orderId, EstateRef estate) {
    }

    private static final String COLUMNS = """
            SELECT id, company_id, company_name, estate_id, estate_name, kind, inspection_id, order_id, imposed_on, expires_on,
                   reason, imposed_by, (imposed_on <= :today AND (expires_on IS NULL OR expires_on >= :today)) AS in_force
              FROM sup_sanction""";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    Sanctions(JdbcClient jdbc, OrgDirectory org, Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    /** Records a sanction an authority imposes on the company of an estate it inspected or ordered, in its scope. */
    public long impose(SanctionForm form, CurrentUser user) {
        Ground ground = ground(form.groundKind(), form.groundId(), user);
        LocalDate on = form.imposedOn() == null ? today() : form.imposedOn();
        LocalDate expires = form.expiresOn() != null ? form.expiresOn() : form.kind().defaultExpiry(on, years(ground.estate()));
        if (expires != null && expires.isBefore(on)) {
            throw new InvalidInputException("spv.sanction.error.expiry");
        }
        return insert(ground, form.kind(), on, expires, form.reason().trim(), user.actor());
    }

    /** 降档降级 and 取消年度评先评优资格 after the re-check of an order failed again (seed 001). */
    public void recordFailedRecheck(long orderId, EstateId estate, String reason, String by) {
        EstateRef ref = org.estate(estate, "R/").orElseThrow(() -> new NotFoundException("estate", estate.value()));
        Ground ground = new Ground(null, orderId, ref);
        LocalDate on = today();
        insert(ground, SanctionKind.DOWNGRADE, on, null, reason, by);
        insert(ground, SanctionKind.NO_AWARDS_THIS_YEAR, on, SanctionKind.NO_AWARDS_THIS_YEAR.defaultExpiry(on, 0), reason, by);
    }

    public List<Sanction> ofCompany(long companyId) {
        return jdbc.sql(COLUMNS + " WHERE company_id = :c ORDER BY imposed_on DESC, id DESC LIMIT 200")
                .param("c", companyId).param("today", today()).query(this::row).list();
    }

    /** The sanctions in force on estates in the user's scope (at most {@code limit}, latest first) and how many there are. */
    public record InForce(List<Sanction> rows, long total) {
    }

    public InForce inForce(CurrentUser user, int limit) {
        String where = " WHERE imposed_on <= :today AND (expires_on IS NULL OR expires_on >= :today) AND " + EstateScope.where("estate_id");
        long total = jdbc.sql("SELECT count(*) FROM sup_sanction" + where)
                .param("today", today()).param("scope", EstateScope.bind(user.scopePath())).query(Long.class).single();
        List<Sanction> rows = jdbc.sql(COLUMNS + where + " ORDER BY imposed_on DESC, id DESC LIMIT :limit")
                .param("today", today()).param("scope", EstateScope.bind(user.scopePath())).param("limit", limit)
                .query(this::row).list();
        return new InForce(rows, total);
    }

    public List<Sanction> ofOrder(long orderId) {
        return jdbc.sql(COLUMNS + " WHERE order_id = :o ORDER BY id")
                .param("o", orderId).param("today", today()).query(this::row).list();
    }

    private long insert(Ground g, SanctionKind kind, LocalDate on, LocalDate expires, String reason, String by) {
        return jdbc.sql("""
                        INSERT INTO sup_sanction (company_id, company_name, estate_id, estate_name, kind, inspection_id, order_id,
                                                  imposed_on, expires_on, reason, imposed_by, imposed_at)
                        VALUES (:c, :cn, :e, :en, :k, :i, :o, :on, :ex, :r, :by, :at) RETURNING id""")
                .param("c", g.estate().companyId()).param("cn", g.estate().companyName()).param("e", g.estate().id())
                .param("en", g.estate().name()).param("k", kind.name()).param("i", g.inspectionId()).param("o", g.orderId())
                .param("on", on).param("ex", expires).param("r", reason).param("by", by)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** The estate of the inspection or order named as the ground, if it lies in the user's scope. */
    private Ground ground(GroundKind kind, long id, CurrentUser user) {
        String table = kind == GroundKind.ORDER ? "sup_rectification_order" : "sup_inspection";
        Long estate = jdbc.sql("SELECT estate_id FROM " + table + " WHERE id = :id AND " + EstateScope.where("estate_id"))
                .param("id", id).param("scope", EstateScope.bind(user.scopePath())).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException(kind == GroundKind.ORDER ? "order" : "inspection", id));
        EstateRef ref = org.estateInScope(new EstateId(estate), user);
        return kind == GroundKind.ORDER ? new Ground(null, id, ref) : new Ground(id, null, ref);
    }

    private int years(EstateRef estate) {
        return policies.inForce(estate.regionPath(), clock.instant()).parameters().group(SupervisionParameters.class).sanctionYears();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private Sanction row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Sanction(rs.getLong("id"), rs.getLong("company_id"), rs.getString("company_name"),
                rs.getObject("estate_id", Long.class), rs.getString("estate_name"), SanctionKind.valueOf(rs.getString("kind")),
                rs.getObject("inspection_id", Long.class), rs.getObject("order_id", Long.class),
                rs.getObject("imposed_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class), rs.getString("reason"),
                rs.getString("imposed_by"), rs.getBoolean("in_force"));
    }
}
