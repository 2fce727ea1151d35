package com.estateguard.access.internal.renovation;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.Reason;
import com.estateguard.healthdata.HealthSources;
import com.estateguard.healthdata.NatResult;
import com.estateguard.healthdata.PersonKeys;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Renovation sites (ACC-14): sites, worker rosters, the daily check against the NAT register, the cap. */
@Service
@Transactional(readOnly = true)
public class Renovations {

    public record Site(long id, long estateId, String address, String company, LocalDate startsOn, LocalDate endsOn,
                       int workers, int onSite) {
    }

    public record Worker(long id, long siteId, String name, String idMasked, String phone) {
    }

    public record Outcome(boolean admitted, List<Reason<WorkerCheck.Refusal>> refusals) implements java.io.Serializable {
    }

    private final JdbcClient jdbc;
    private final RenovationSites renovationSites;
    private final OrgDirectory org;
    private final PersonKeys keys;
    private final HealthSources health;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    Renovations(JdbcClient jdbc, RenovationSites renovationSites, OrgDirectory org, PersonKeys keys, HealthSources health,
                Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.renovationSites = renovationSites;
        this.org = org;
        this.keys = keys;
        this.health = health;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public long openSite(long estateId, String address, String company, LocalDate from, LocalDate to, CurrentUser by) {
        org.estateInScope(new EstateId(estateId), by);
        if (blank(address) || blank(company) || from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("site.error.incomplete");
        }
        return jdbc.sql("""
                        INSERT INTO res_site (estate_id, address, company, starts_on, ends_on, created_by)
                        VALUES (:e, :a, :c, :f, :t, :by) RETURNING id""")
                .param("e", estateId).param("a", address.trim()).param("c", company.trim()).param("f", from).param("t", to)
                .param("by", by.actor()).query(Long.class).single();
    }

    @Transactional
    public long addWorker(long siteId, String name, String idNumber, String phone, CurrentUser by) {
        Site site = site(siteId, by);
        if (blank(name) || !IdNumber.valid(idNumber)) {
            throw new InvalidInputException("residents.error.idInvalid");
        }
        return jdbc.sql("""
                        INSERT INTO res_site_worker (site_id, estate_id, name, person_key, id_masked, phone, created_by)
                        VALUES (:s, :e, :n, :k, :m, :p, :by)
                        ON CONFLICT (site_id, person_key, estate_id) DO UPDATE SET name = excluded.name RETURNING id""")
                .param("s", siteId).param("e", site.estateId()).param("n", name.trim()).param("k", keys.keyOf(idNumber)).param("m", IdNumber.mask(idNumber))
                .param("p", phone == null ? "" : phone.trim()).param("by", by.actor()).query(Long.class).single();
    }

    /** The daily "一登三查" at the site: recorded whether admitted or not, with every reason. */
    @Transactional
    public Outcome arrive(long workerId, BigDecimal temperature, boolean codeGreen, CurrentUser by) {
        var worker = worker(workerId);
        // One arrival at a time per site, so two workers cannot both take the last place.
        RenovationSite site = renovationSites.findLockedById(worker.siteId())
                .filter(s -> org.estate(new EstateId(s.estateId()), by.scopePath()).isPresent())
                .orElseThrow(() -> new NotFoundException("site", worker.siteId()));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        RenovationSite.OnSite onSite = onSite(site.id(), today);
        site.checkArrival(workerId, onSite);
        var estate = org.estateInScope(new EstateId(site.estateId()), by);
        var params = policies.inForce(estate.regionPath(), clock.instant()).parameters();
        String key = jdbc.sql("SELECT person_key FROM res_site_worker WHERE id = :id").param("id", workerId).query(String.class).single();
        var nat = health.latestNat(key).filter(n -> !n.demo());
        Instant now = clock.instant();
        var refusals = WorkerCheck.refusals(new WorkerCheck.Facts(temperature, codeGreen, nat.map(n -> n.sampledAt()).orElse(null),
                        nat.map(n -> n.result() == NatResult.NEGATIVE).orElse(false), now, onSite.count()),
                WorkerCheck.Limits.of(params));
        if (refusals.isEmpty()) {
            site.admit(workerId, onSite, params.workersPerSite());
        }
        jdbc.sql("""
                        INSERT INTO res_site_visit (site_id, estate_id, worker_id, day, temperature, code_green, nat_sampled_at, admitted,
                                                    refusal, created_by)
                        VALUES (:s, :e, :w, :d, :t, :c, :nat, :ok, :r, :by)""")
                .param("s", site.id()).param("e", site.estateId()).param("w", workerId).param("d", today).param("t", temperature).param("c", codeGreen)
                .param("nat", nat.map(n -> Timestamp.from(n.sampledAt())).orElse(null)).param("ok", refusals.isEmpty())
                .param("r", refusals.isEmpty() ? null : refusals.stream().map(r -> r.code().name()).collect(Collectors.joining(",")))
                .param("by", by.actor()).update();
        return new Outcome(refusals.isEmpty(), refusals);
    }

    /** The worker leaves the site, which frees a place under the cap. */
    @Transactional
    public void leave(long workerId, CurrentUser by) {
        var worker = worker(workerId);
        site(worker.siteId(), by);
        jdbc.sql("UPDATE res_site_visit SET left_at = now() WHERE worker_id = :w AND admitted AND left_at IS NULL")
                .param("w", workerId).update();
    }

    public Site site(long id, CurrentUser me) {
        return jdbc.sql(SITE_SELECT + " WHERE s.id = :id AND " + EstateScope.where("s.estate_id")).param("id", id)
                .param("scope", EstateScope.bind(me.scopePath())).param("today", LocalDate.now(clock.withZone(zone)))
                .query(Site.class).optional().orElseThrow(() -> new NotFoundException("site", id));
    }

    public List<Site> sites(Long estateId, CurrentUser me) {
        return jdbc.sql(SITE_SELECT + " WHERE " + EstateScope.where("s.estate_id")
                        + " AND (cast(:estate AS bigint) IS NULL OR s.estate_id = :estate) ORDER BY s.ends_on DESC, s.id DESC LIMIT 100")
                .param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId)
                .param("today", LocalDate.now(clock.withZone(zone))).query(Site.class).list();
    }

    public List<Worker> workers(long siteId, CurrentUser me) {
        site(siteId, me);
        return jdbc.sql("SELECT id, site_id, name, id_masked, phone FROM res_site_worker WHERE site_id = :s ORDER BY id")
                .param("s", siteId).query(Worker.class).list();
    }

    private Worker worker(long id) {
        return jdbc.sql("SELECT id, site_id, name, id_masked, phone FROM res_site_worker WHERE id = :id").param("id", id)
                .query(Worker.class).optional().orElseThrow(() -> new NotFoundException("worker", id));
    }

    private RenovationSite.OnSite onSite(long siteId, LocalDate day) {
        return new RenovationSite.OnSite(day, new HashSet<>(jdbc.sql(
                        "SELECT DISTINCT worker_id FROM res_site_visit WHERE site_id = :s AND day = :d AND admitted AND left_at IS NULL")
                .param("s", siteId).param("d", day).query(Long.class).list()));
    }

    private static final String SITE_SELECT = """
            SELECT s.id, s.estate_id, s.address, s.company, s.starts_on, s.ends_on,
                   (SELECT count(*) FROM res_site_worker w WHERE w.site_id = s.id) AS workers,
                   (SELECT count(DISTINCT v.worker_id) FROM res_site_visit v
                     WHERE v.site_id = s.id AND v.day = :today AND v.admitted AND v.left_at IS NULL) AS on_site
              FROM res_site s""";

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
