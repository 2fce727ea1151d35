package com.estateguard.access.internal.visitors;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.healthdata.PersonKeys;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visitors (ACC-11, ACC-12): registered ahead by the resident they visit or at the gate desk.
 * An exception must be one the policy in force lists; an arrival from a risk area must show a NAT
 * taken within the policy's days (7 in 004) before the visit.
 */
@Service
@Transactional(readOnly = true)
public class Visitors implements VisitorRegister {

    public record Visit(long id, long estateId, String hostName, String hostAddress, String visitorName, String idMasked,
                        String phone, LocalDate visitDate, String outsiderException, String plate, String fromPlace,
                        boolean fromRiskArea, LocalDate natSampledOn, String registeredAt, Instant createdAt, String createdBy) {
    }

    public record Report(long id, String visitorName, String idMasked, String kind, String note, String reportedTo,
                         Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final PersonKeys keys;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    Visitors(JdbcClient jdbc, OrgDirectory org, PersonKeys keys, Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.keys = keys;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    /** Registers a visit; {@code atGate} is the desk, otherwise the host registers it themselves. */
    @Transactional
    public long register(long estateId, VisitForm form, boolean atGate, CurrentUser by) {
        var estate = org.estateInScope(new EstateId(estateId), by);
        var params = policies.inForce(estate.regionPath(), clock.instant()).parameters();
        LocalDate today = today();
        if (!IdNumber.valid(form.idNumber())) {
            throw new InvalidInputException("residents.error.idInvalid");
        }
        if (form.visitDate().isBefore(today) || form.visitDate().isAfter(today.plusDays(30))) {
            throw new InvalidInputException("visit.error.date");
        }
        String exception = blankToNull(form.exception());
        if (exception != null && !params.outsiderExceptions().contains(exception)) {
            throw new InvalidInputException("visit.error.exception", exception);
        }
        if (form.riskArea()) {
            LocalDate nat = form.natSampledOn();
            if (nat == null || nat.isAfter(form.visitDate()) || nat.isBefore(form.visitDate().minusDays(params.riskAreaNatDays()))) {
                throw new InvalidInputException("visit.error.riskAreaNat", params.riskAreaNatDays());
            }
        }
        return jdbc.sql("""
                        INSERT INTO res_visit (estate_id, host_name, host_address, visitor_name, person_key, id_masked, phone,
                                               visit_date, outsider_exception, plate, from_place, from_risk_area, nat_sampled_on,
                                               registered_at, created_by)
                        VALUES (:e, :hn, :ha, :vn, :k, :m, :ph, :d, :x, :plate, :from, :risk, :nat, :at, :by) RETURNING id""")
                .param("e", estateId).param("hn", text(form.hostName(), by.displayName())).param("ha", text(form.hostAddress(), ""))
                .param("vn", form.visitorName().trim()).param("k", keys.keyOf(form.idNumber()))
                .param("m", IdNumber.mask(form.idNumber())).param("ph", text(form.phone(), ""))
                .param("d", form.visitDate()).param("x", exception).param("plate", blankToNull(form.plate()))
                .param("from", text(form.fromPlace(), "")).param("risk", form.riskArea()).param("nat", form.natSampledOn())
                .param("at", atGate ? "GATE" : "SELF_SERVICE").param("by", by.actor()).query(Long.class).single();
    }

    @Override
    public List<ExpectedVisitor> expectedOn(long estateId, LocalDate day) {
        return jdbc.sql("""
                        SELECT visitor_name, id_masked, host_name, host_address, outsider_exception AS exception, plate
                          FROM res_visit WHERE estate_id = :e AND visit_date = :d ORDER BY id LIMIT 500""")
                .param("e", estateId).param("d", day).query(ExpectedVisitor.class).list();
    }

    @Override
    public Optional<ExpectedVisit> expected(long estateId, String personKey, LocalDate day) {
        return jdbc.sql("""
                        SELECT id, host_name, host_address, outsider_exception AS exception, plate FROM res_visit
                         WHERE estate_id = :e AND person_key = :k AND visit_date = :d ORDER BY id DESC LIMIT 1""")
                .param("e", estateId).param("k", personKey).param("d", day).query(ExpectedVisit.class).optional();
    }

    /** A host's own registrations, newest first. */
    public List<Visit> byHost(CurrentUser host) {
        return jdbc.sql(SELECT + " WHERE created_by = :by ORDER BY id DESC LIMIT 50").param("by", host.actor())
                .query(Visit.class).list();
    }

    /** Visits of the estates in scope from a day on, for the gate desk and staff. */
    public List<Visit> from(Long estateId, LocalDate day, CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE " + EstateScope.where("estate_id")
                        + " AND (cast(:estate AS bigint) IS NULL OR estate_id = :estate) AND visit_date >= :d ORDER BY visit_date, id LIMIT 200")
                .param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId).param("d", day)
                .query(Visit.class).list();
    }

    /** A suspicious or uncooperative visitor reported to the community or the police (ACC-11). */
    @Transactional
    public long report(long estateId, String visitorName, String idNumber, String kind, String note, String reportedTo,
                       CurrentUser by) {
        org.estateInScope(new EstateId(estateId), by);
        if (visitorName == null || visitorName.isBlank() || note == null || note.isBlank()) {
            throw new InvalidInputException("visit.error.reportIncomplete");
        }
        String masked = idNumber == null || idNumber.isBlank() ? "" : IdNumber.valid(idNumber) ? IdNumber.mask(idNumber) : "";
        return jdbc.sql("""
                        INSERT INTO res_visit_report (estate_id, visitor_name, id_masked, kind, note, reported_to, created_at, created_by)
                        VALUES (:e, :n, :m, :k, :note, :to, :at, :by) RETURNING id""")
                .param("at", Timestamp.from(clock.instant()))   // the retention purge keeps it by this day
                .param("e", estateId).param("n", visitorName.trim()).param("m", masked)
                .param("k", "UNCOOPERATIVE".equals(kind) ? "UNCOOPERATIVE" : "SUSPICIOUS").param("note", note.trim())
                .param("to", "POLICE".equals(reportedTo) ? "POLICE" : "COMMUNITY").param("by", by.actor())
                .query(Long.class).single();
    }

    public List<Report> reports(Long estateId, CurrentUser me) {
        return jdbc.sql("""
                        SELECT id, visitor_name, id_masked, kind, note, reported_to, created_at, created_by FROM res_visit_report
                         WHERE\s""" + EstateScope.where("estate_id")
                        + " AND (cast(:estate AS bigint) IS NULL OR estate_id = :estate) ORDER BY id DESC LIMIT 50")
                .param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId).query(Report.class).list();
    }

    public List<String> exceptions(long estateId, CurrentUser me) {
        var estate = org.estateInScope(new EstateId(estateId), me);
        return policies.inForce(estate.regionPath(), clock.instant()).parameters().outsiderExceptions();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static final String SELECT = """
            SELECT id, estate_id, host_name, host_address, visitor_name, id_masked, phone, visit_date, outsider_exception, plate,
                   from_place, from_risk_area, nat_sampled_on, registered_at, created_at, created_by FROM res_visit""";

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String text(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.trim();
    }
}
