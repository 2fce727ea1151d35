package com.estateguard.residents.internal;

import com.estateguard.access.PassCheck;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.healthdata.HealthSources;
import com.estateguard.healthdata.NatResult;
import com.estateguard.org.EstateScope;
import com.estateguard.policy.Policies;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Resident passes (RES-03): issued to eligible residents only, one each, revocable, expiring. */
@Service
@Transactional(readOnly = true)
public class Passes implements PassCheck {

    private static final String SELECT = """
            SELECT s.id, s.estate_id, e.name AS estate_name, s.person_id, p.name AS person_name, p.id_masked,
                   h.building, h.unit, h.room, s.issued_at, s.expires_at, s.revoked_at, s.revoked_by, s.revoke_reason
              FROM res_pass s JOIN res_person p ON p.id = s.person_id JOIN res_household h ON h.id = p.household_id
              JOIN org_estate e ON e.id = s.estate_id
            """;

    public record Pass(long id, long estateId, String estateName, long personId, String personName, String idMasked,
                       String building, String unit, String room, Instant issuedAt, Instant expiresAt, Instant revokedAt,
                       String revokedBy, String revokeReason) {
        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final ResidentRegister register;
    private final PassKeys keys;
    private final Policies policies;
    private final HealthSources health;
    private final Clock clock;
    private final ZoneId zone;

    Passes(JdbcClient jdbc, ResidentRegister register, PassKeys keys, Policies policies, HealthSources health, Clock clock,
           ZoneId zone) {
        this.jdbc = jdbc;
        this.register = register;
        this.keys = keys;
        this.policies = policies;
        this.health = health;
        this.clock = clock;
        this.zone = zone;
    }

    /** Issues the person's pass if the policy in force allows it; refuses with every reason otherwise. */
    @Transactional
    public Pass issue(long personId, CurrentUser by) {
        ResidentRow person = register.byId(personId, by);
        var estate = register.estateInScope(person.estateId(), by);
        Instant now = clock.instant();
        var params = policies.inForce(estate.regionPath(), now).parameters().group(ResidentParameters.class);
        var refusals = PassEligibility.refusals(facts(person), params);
        if (!refusals.isEmpty()) {
            var first = refusals.get(0);
            throw new InvalidInputException(first.key(), first.args());
        }
        if (activePassOf(personId).isPresent()) {
            throw new DomainException(409, "pass.error.alreadyIssued");
        }
        long id = jdbc.sql("""
                        INSERT INTO res_pass (estate_id, person_id, issued_at, expires_at, created_by)
                        VALUES (:e, :p, :at, :until, :by) RETURNING id""")
                .param("e", person.estateId()).param("p", personId).param("at", java.sql.Timestamp.from(now))
                .param("until", java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(params.passValidityDays()))))
                .param("by", by.actor()).query(Long.class).single();
        return byId(id, by);
    }

    /** Revoking takes effect at the gate at once: verification reads the row every time. */
    @Transactional
    public void revoke(long passId, String reason, CurrentUser by) {
        byId(passId, by);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("pass.error.reasonRequired");
        }
        int n = jdbc.sql("UPDATE res_pass SET revoked_at = now(), revoked_by = :by, revoke_reason = :r WHERE id = :id AND revoked_at IS NULL")
                .param("by", by.actor()).param("r", reason.trim()).param("id", passId).update();
        if (n == 0) {
            throw new DomainException(409, "pass.error.alreadyRevoked");
        }
    }

    public Pass byId(long id, CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE s.id = :id AND " + EstateScope.where("s.estate_id")).param("id", id)
                .param("scope", EstateScope.bind(me.scopePath())).query(Pass.class).optional()
                .orElseThrow(() -> new NotFoundException("pass", id));
    }

    public List<Pass> list(Long estateId, CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE " + EstateScope.where("s.estate_id")
                        + " AND (cast(:estate AS bigint) IS NULL OR s.estate_id = :estate) ORDER BY s.id DESC LIMIT 200")
                .param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId).query(Pass.class).list();
    }

    /** The logged-in resident's own valid pass, found through their entry in the register. */
    public java.util.Optional<Pass> mine(CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE p.username = :u AND s.revoked_at IS NULL AND s.expires_at > now() ORDER BY s.id DESC LIMIT 1")
                .param("u", me.username()).query(Pass.class).optional();
    }

    /** The signed token for the pass's QR code. */
    public String token(Pass pass) {
        return keys.tokens().sign(new PassClaims(pass.id(), pass.estateId(), pass.expiresAt()));
    }

    @Override
    public Result verify(String token, long estateId, Instant at) {
        var claims = keys.tokens().verify(token == null ? null : token.trim());
        if (claims.isEmpty()) {
            return new Result(Failure.FORGED, null, null, null, null, false);
        }
        var row = jdbc.sql("""
                        SELECT s.id, s.estate_id, s.expires_at, s.revoked_at, p.name, p.person_key, p.id_masked, p.access_control
                          FROM res_pass s JOIN res_person p ON p.id = s.person_id WHERE s.id = :id""")
                .param("id", claims.get().passId())
                .query((rs, i) -> new Object[]{rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)}).optional();
        if (row.isEmpty() || (long) row.get()[0] != claims.get().estateId()) {
            return new Result(Failure.FORGED, null, null, null, null, false);
        }
        Object[] r = row.get();
        Failure failure = r[2] != null ? Failure.REVOKED
                : !((Instant) r[1]).isAfter(at) ? Failure.EXPIRED
                : (long) r[0] != estateId ? Failure.OTHER_ESTATE : null;
        return new Result(failure, claims.get().passId(), (String) r[3], (String) r[4], (String) r[5], (boolean) r[6]);
    }

    private java.util.Optional<Long> activePassOf(long personId) {
        return jdbc.sql("SELECT id FROM res_pass WHERE person_id = :p AND revoked_at IS NULL AND expires_at > now()")
                .param("p", personId).query(Long.class).optional();
    }

    private PassEligibility.Facts facts(ResidentRow person) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        var lastReturn = jdbc.sql("""
                        SELECT arrival_date, from_place, observation_end FROM res_return
                         WHERE person_key = :k ORDER BY arrival_date DESC LIMIT 1""")
                .param("k", person.personKey())
                .query((rs, i) -> new Object[]{rs.getDate(1).toLocalDate(), rs.getString(2), rs.getDate(3).toLocalDate()})
                .optional();
        boolean isolated = jdbc.sql("SELECT count(*) FROM res_isolation WHERE person_id = :p AND :d BETWEEN starts_on AND ends_on")
                .param("p", person.id()).param("d", today).query(Long.class).single() > 0;
        boolean positive = health.latestNat(person.personKey()).map(n -> n.result() == NatResult.POSITIVE).orElse(false);
        return new PassEligibility.Facts(today, lastReturn.map(r -> (LocalDate) r[0]).orElse(null),
                lastReturn.map(r -> (String) r[1]).orElse(null), lastReturn.map(r -> (LocalDate) r[2]).orElse(null),
                isolated, positive);
    }
}
