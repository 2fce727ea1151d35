package com.estateguard.staff.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.identity.StaffDirectory.StaffMember;
import com.estateguard.identity.UserId;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersion;
import com.estateguard.staff.StaffUnfitForDuty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff health ledger (员工健康台账, STF-01). An ineligible reading takes the person off every
 * checkpoint shift not yet over and makes a report to the community, in the same transaction.
 */
@Service
public class StaffHealth {

    public enum Period { MORNING, EVENING }

    public record HealthForm(@NotNull(message = "{stf.error.person}") Long userId,
                             @NotNull(message = "{stf.error.period}") Period period,
                             @NotNull(message = "{stf.error.temperature}") @DecimalMin(value = "34.0", message = "{stf.error.temperature}")
                             @DecimalMax(value = "43.0", message = "{stf.error.temperature}") BigDecimal temperatureC,
                             Boolean exposure,
                             @Size(max = 200, message = "{stf.error.note}") String note) {
    }

    /** A staff member and today's readings. */
    public record StaffDay(long userId, String name, String role, BigDecimal morning, BigDecimal evening, Boolean eligible,
                           List<String> reasons) {
    }

    public record CommunityReport(long id, String name, List<String> reasons, int shiftsLeft, int shiftsLed, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Policies policies;
    private final DutyRoster roster;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    StaffHealth(JdbcClient jdbc, OrgDirectory org, Policies policies, DutyRoster roster, ApplicationEventPublisher events,
                Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.policies = policies;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    public EstateRef estate(long estateId, CurrentUser user) {
        return org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
    }

    /** Records today's reading; returns the health record id. */
    @Transactional
    public long record(long estateId, HealthForm form, CurrentUser user) {
        EstateRef estate = estate(estateId, user);
        boolean staff = roster.staffOf(estateId).stream().anyMatch(m -> m.id() == form.userId());
        if (!staff) {
            throw new InvalidInputException("stf.error.notStaff");
        }
        Instant now = clock.instant();
        PolicyVersion policy = policies.inForce(estate.regionPath(), now);
        BigDecimal limit = policy.parameters().temperatureLimitC();
        boolean exposure = Boolean.TRUE.equals(form.exposure());
        DutyEligibility eligibility = DutyEligibility.of(form.temperatureC(), exposure, limit);
        String[] reasons = eligibility.codes().stream().map(Enum::name).toArray(String[]::new);
        LocalDate day = LocalDate.now(clock.withZone(zone));
        Long previous = jdbc.sql("SELECT id FROM stf_health WHERE user_id = :u AND day = :d AND period = :p ORDER BY id DESC LIMIT 1")
                .param("u", form.userId()).param("d", day).param("p", form.period().name()).query(Long.class).optional().orElse(null);
        long id = jdbc.sql("""
                        INSERT INTO stf_health (estate_id, user_id, day, period, temperature_c, exposure, note, limit_c, eligible, reasons,
                                                policy_version_id, corrects_id, created_by)
                        VALUES (:e, :u, :d, :p, :t, :x, :note, :limit, :ok, :reasons, :policy, :prev, :by) RETURNING id""")
                .param("e", estateId).param("u", form.userId()).param("d", day).param("p", form.period().name())
                .param("t", form.temperatureC()).param("x", exposure)
                .param("note", form.note() == null || form.note().isBlank() ? null : form.note().trim())
                .param("limit", limit).param("ok", eligibility.eligible()).param("reasons", reasons)
                .param("policy", policy.id()).param("prev", previous).param("by", user.actor()).query(Long.class).single();
        if (!eligibility.eligible()) {
            DutyRoster.OffDuty off = roster.takeOffDuty(form.userId(), now);
            jdbc.sql("""
                            INSERT INTO stf_community_report (estate_id, user_id, health_id, reasons, shifts_left, shifts_led, created_by)
                            VALUES (:e, :u, :h, :r, :left, :led, :by)""")
                    .param("e", estateId).param("u", form.userId()).param("h", id).param("r", reasons)
                    .param("left", off.shiftsLeft()).param("led", off.shiftsLedNeedingLeader()).param("by", user.actor()).update();
            events.publishEvent(new StaffUnfitForDuty(new UserId(form.userId()), new EstateId(estateId), id, List.of(reasons), off.shiftsLeft(),
                    off.shiftsLedNeedingLeader(), now));
        }
        return id;
    }

    /** Every staff member of the estate with the day's readings; the latest reading decides eligibility. */
    public List<StaffDay> day(long estateId, LocalDate day, CurrentUser user) {
        estate(estateId, user);
        return roster.staffOf(estateId).stream().map(m -> staffDay(m, day)).toList();
    }

    private StaffDay staffDay(StaffMember member, LocalDate day) {
        long userId = member.id();
        var rows = jdbc.sql("""
                        SELECT period, temperature_c, eligible, array_to_string(reasons, ',') AS reasons FROM stf_health
                         WHERE user_id = :u AND day = :d ORDER BY id""")
                .param("u", userId).param("d", day).query().listOfRows();
        BigDecimal morning = null;
        BigDecimal evening = null;
        Boolean eligible = null;
        List<String> reasons = List.of();
        for (var r : rows) {
            if ("MORNING".equals(r.get("period"))) {
                morning = (BigDecimal) r.get("temperature_c");
            } else {
                evening = (BigDecimal) r.get("temperature_c");
            }
            eligible = (Boolean) r.get("eligible");
            String rs = (String) r.get("reasons");
            reasons = rs == null || rs.isEmpty() ? List.of() : List.of(rs.split(","));
        }
        return new StaffDay(userId, member.displayName(), member.role().name(), morning, evening, eligible, reasons);
    }

    public List<CommunityReport> reports(long estateId, CurrentUser user, int limit) {
        return jdbc.sql("""
                        SELECT r.id, u.display_name, array_to_string(r.reasons, ',') AS reasons, r.shifts_left, r.shifts_led, r.created_at
                          FROM stf_community_report r JOIN identity_staff u ON u.id = r.user_id
                         WHERE r.estate_id = :e AND\s""" + EstateScope.where("r.estate_id") + "\nORDER BY r.id DESC LIMIT :limit")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath())).param("limit", limit)
                .query((rs, i) -> new CommunityReport(rs.getLong("id"), rs.getString("display_name"),
                        List.of(rs.getString("reasons").split(",")), rs.getInt("shifts_left"), rs.getInt("shifts_led"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    /** For the daily report: staff with a reading that day, and those ineligible by their latest reading. */
    public long[] counts(long estateId, LocalDate day) {
        var row = jdbc.sql("""
                        SELECT count(*) AS readers, count(*) FILTER (WHERE NOT eligible) AS ineligible FROM (
                          SELECT DISTINCT ON (user_id) user_id, eligible FROM stf_health
                           WHERE estate_id = :e AND day = :d ORDER BY user_id, id DESC) latest""")
                .param("e", estateId).param("d", day).query().singleRow();
        return new long[] {((Number) row.get("readers")).longValue(), ((Number) row.get("ineligible")).longValue()};
    }
}
