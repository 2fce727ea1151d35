package com.estateguard.residents.internal;

import com.estateguard.access.PassCheck;
import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.KeysetPage;
import com.estateguard.common.NotFoundException;
import com.estateguard.healthdata.HealthSources;
import com.estateguard.healthdata.NatResult;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.policy.Policies;
import com.estateguard.residents.PassId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
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

    /** A pass as listed, shown and printed, with its holder and home. */
    public record PassView(long id, long estateId, String estateName, long personId, String personName, String idMasked,
                       String building, String unit, String room, Instant issuedAt, Instant expiresAt, Instant revokedAt,
                       String revokedBy, String revokeReason) {
        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final PassRepository repository;
    private final ResidentRegister register;
    private final PassKeys keys;
    private final Policies policies;
    private final HealthSources health;
    private final Clock clock;
    private final ZoneId zone;

    Passes(JdbcClient jdbc, PassRepository repository, ResidentRegister register, PassKeys keys, Policies policies,
           HealthSources health, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.register = register;
        this.keys = keys;
        this.policies = policies;
        this.health = health;
        this.clock = clock;
        this.zone = zone;
    }

    /** Issues the person's pass if the policy in force allows it; refuses with every reason otherwise. */
    @Transactional
    public PassView issue(long personId, CurrentUser by) {
        ResidentRow person = register.byId(personId, by);
        var estate = register.estateInScope(person.estateId(), by);
        Instant now = clock.instant();
        var params = policies.inForce(estate.regionPath(), now).parameters().group(ResidentParameters.class);
        var refusals = PassEligibility.refusals(facts(person), params);
        if (!refusals.isEmpty()) {
            var first = refusals.get(0);
            throw new InvalidInputException(first.messageKey(), first.arguments());
        }
        if (activePassOf(personId).isPresent()) {
            throw new PassAlreadyIssued();
        }
        // A pass that expired unrevoked stays as it was (expired at the gate) and is marked replaced.
        jdbc.sql("""
                        UPDATE res_pass SET replaced_at = :now, version = version + 1
                         WHERE person_id = :p AND revoked_at IS NULL AND replaced_at IS NULL AND expires_at <= :now""")
                .param("p", personId).param("now", java.sql.Timestamp.from(now)).update();
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
    public void revoke(PassId id, String reason, CurrentUser by) {
        byId(id.value(), by);
        Pass pass = repository.findById(id.value()).orElseThrow(() -> new NotFoundException("pass", id.value()));
        pass.revoke(reason, by.actor(), clock.instant());
        try {
            repository.save(pass);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("pass", id.value());
        }
    }

    public PassView byId(long id, CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE s.id = :id AND " + EstateScope.where("s.estate_id")).param("id", id)
                .param("scope", EstateScope.bind(me.scopePath())).query(PassView.class).optional()
                .orElseThrow(() -> new NotFoundException("pass", id));
    }

    /**
     * One page of the passes in {@code scope} (the reader's, or a region or estate inside it), newest first by keyset on
     * the id (issue 12 §3): passes issued while the reader pages arrive above the first page; the count stops at the
     * cap. An estate's passes are read from its own index (V224), a city's from the newest down.
     */
    public KeysetPage<PassView> page(String scope, String after, String before, int size) {
        KeysetPage.planForValues(jdbc);
        String where = " WHERE " + EstateScope.where("s.estate_id");
        return KeysetPage.read(after, before, 1, size, (cursor, backwards, limit) -> {
            String seek = cursor == null ? "" : " AND s.id " + (backwards ? ">" : "<") + " :id";
            var sql = jdbc.sql(SELECT + where + seek + (backwards ? " ORDER BY s.id" : " ORDER BY s.id DESC") + " LIMIT :limit")
                    .param("scope", EstateScope.bind(scope)).param("limit", limit);
            return (cursor == null ? sql : sql.param("id", Long.parseLong(cursor[0]))).query(PassView.class).list();
        }, p -> KeysetPage.cursor(p.id()), () -> jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM res_pass s" + where + " LIMIT "
                + (KeysetPage.COUNT_CAP + 1) + ") capped").param("scope", EstateScope.bind(scope)).query(Long.class).single());
    }

    /** The newest 200 passes in {@code scope} (the reader's, or a region or estate inside it), for the batch print. */
    public List<PassView> list(String scope) {
        return jdbc.sql(SELECT + " WHERE " + EstateScope.where("s.estate_id") + " ORDER BY s.id DESC LIMIT 200")
                .param("scope", EstateScope.bind(scope)).query(PassView.class).list();
    }

    /** The logged-in resident's own valid pass, found through their entry in the register. */
    public java.util.Optional<PassView> mine(CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE p.username = :u AND s.revoked_at IS NULL AND s.expires_at > :now ORDER BY s.id DESC LIMIT 1")
                .param("u", me.username()).param("now", java.sql.Timestamp.from(clock.instant())).query(PassView.class).optional();
    }

    /** The signed token for the pass's QR code. */
    public String token(PassView pass) {
        return keys.forSigning().sign(new PassClaims(pass.id(), pass.estateId(), pass.expiresAt()));
    }

    @Override
    public Result verify(String token, EstateId estate, Instant at) {
        var claims = keys.forVerifying(token).verify(token == null ? null : token.trim());
        if (claims.isEmpty()) {
            return new Result(Failure.FORGED, null, null, null, null, false);
        }
        var row = jdbc.sql("""
                        SELECT s.id, s.estate_id, s.expires_at, s.revoked_at, p.name, p.person_key, p.id_masked, p.access_control
                          FROM res_pass s JOIN res_person p ON p.id = s.person_id WHERE s.id = :id""")
                .param("id", claims.get().passId())
                .query(IssuedPass.class).optional();
        if (row.isEmpty() || row.get().estateId() != claims.get().estateId()) {
            return new Result(Failure.FORGED, null, null, null, null, false);
        }
        IssuedPass pass = row.get();
        Failure failure = pass.revokedAt() != null ? Failure.REVOKED
                : !pass.expiresAt().isAfter(at) ? Failure.EXPIRED
                : pass.estateId() != estate.value() ? Failure.OTHER_ESTATE : null;
        return new Result(failure, claims.get().passId(), pass.name(), pass.personKey(), pass.idMasked(), pass.accessControl());
    }

    /** The keys and this estate's revoked passes, for a gate that verifies passes offline (issue 11). */
    @Override
    public OfflineVerification offlineVerification(EstateId estate, Instant at) {
        PassTokens tokens = keys.tokens();
        List<Long> revoked = jdbc.sql("""
                        SELECT id FROM res_pass WHERE estate_id = :e AND revoked_at IS NOT NULL AND expires_at > :at ORDER BY id""")
                .param("e", estate.value()).param("at", java.sql.Timestamp.from(at)).query(Long.class).list();
        return new OfflineVerification(tokens.firstKeyId(), tokens.encodedVerifyingKeys(), revoked);
    }

    /** A pass as the gate reads it back: whose, for which estate, until when, revoked or not. */
    @Override
    public boolean registered(EstateId estate, String personKey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM res_person WHERE estate_id = :e AND person_key = :k)")
                .param("e", estate.value()).param("k", personKey).query(Boolean.class).single();
    }

    record IssuedPass(long id, long estateId, Instant expiresAt, Instant revokedAt, String name, String personKey, String idMasked,
                      boolean accessControl) {
    }

    private java.util.Optional<Long> activePassOf(long personId) {
        return jdbc.sql("SELECT id FROM res_pass WHERE person_id = :p AND revoked_at IS NULL AND expires_at > :now")
                .param("p", personId).param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).optional();
    }

    private PassEligibility.Facts facts(ResidentRow person) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        var lastReturn = jdbc.sql("""
                        SELECT arrival_date, from_place, observation_end FROM res_return
                         WHERE person_key = :k ORDER BY arrival_date DESC LIMIT 1""")
                .param("k", person.personKey())
                .query(LastReturn.class).optional();
        boolean isolated = jdbc.sql("SELECT count(*) FROM res_isolation WHERE person_id = :p AND :d BETWEEN starts_on AND ends_on")
                .param("p", person.id()).param("d", today).query(Long.class).single() > 0;
        boolean positive = health.latestNat(person.personKey()).map(n -> n.result() == NatResult.POSITIVE).orElse(false);
        return new PassEligibility.Facts(today, lastReturn.map(LastReturn::arrivalDate).orElse(null),
                lastReturn.map(LastReturn::fromPlace).orElse(null), lastReturn.map(LastReturn::observationEnd).orElse(null),
                isolated, positive);
    }

    /** The person's latest return to the city (RES-02), if any. */
    record LastReturn(LocalDate arrivalDate, String fromPlace, LocalDate observationEnd) {
    }
}
