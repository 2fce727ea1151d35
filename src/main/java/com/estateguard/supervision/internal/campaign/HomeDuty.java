package com.estateguard.supervision.internal.campaign;

import com.estateguard.supervision.InspectionKind;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.Role;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回家就是督导 (SPV-03): every authority staff member records the estate they live in, or that they
 * live in none (they then take no part), and is assigned it in each phase of the campaigns running
 * SELF_HOME inspections; the head of a department sees who of their people has not inspected yet.
 */
@Service
public class HomeDuty {

    private static final Set<Role> AUTHORITIES = EnumSet.of(Role.CITY_AUTHORITY, Role.DISTRICT_AUTHORITY, Role.STREET_AUTHORITY);

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final StaffDirectory staff;
    private final Campaigns campaigns;
    private final InspectionRecords inspections;
    private final Clock clock;

    HomeDuty(JdbcClient jdbc, OrgDirectory org, StaffDirectory staff, Campaigns campaigns, InspectionRecords inspections, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.staff = staff;
        this.campaigns = campaigns;
        this.inspections = inspections;
        this.clock = clock;
    }

    /** Where someone lives; {@code estateId} null: in no estate. */
    public record Home(long userId, String displayName, Long estateId, String estateName, Instant recordedAt) {
    }

    public enum Status { NOT_RECORDED, NO_ESTATE, PENDING, DONE }

    /** One of a head's people in a phase. */
    public record TeamRow(long userId, String displayName, Role role, String department, Status status, Long estateId,
                          String estateName) {
    }

    public static boolean isAuthority(CurrentUser user) {
        return AUTHORITIES.contains(user.role());
    }

    public Optional<Home> home(long userId) {
        return jdbc.sql("SELECT user_id, display_name, estate_id, recorded_at FROM sup_home WHERE user_id = :u")
                .param("u", userId)
                .query((rs, i) -> {
                    Long estate = (Long) rs.getObject("estate_id");
                    return new Home(rs.getLong("user_id"), rs.getString("display_name"), estate, estateName(estate),
                            rs.getTimestamp("recorded_at").toInstant());
                }).optional();
    }

    /** Records where {@code me} lives and assigns it in the running phase of every campaign they take part in. */
    @Transactional
    public void record(CurrentUser me, Long estateId) {
        if (!isAuthority(me)) {
            throw new NotAnAuthority();
        }
        EstateRef estate = estateId == null ? null
                : org.estate(new EstateId(estateId), "R/").orElseThrow(() -> new NotFoundException("estate", estateId));
        jdbc.sql("""
                        INSERT INTO sup_home (user_id, display_name, scope_path, estate_id, estate_path, recorded_at, recorded_by)
                        VALUES (:u, :name, :scope, :e, :path, :at, :by)
                        ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, scope_path = excluded.scope_path,
                          estate_id = excluded.estate_id, estate_path = excluded.estate_path,
                          recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .param("u", me.id()).param("name", me.displayName()).param("scope", me.scopePath())
                .param("e", estateId).param("path", estate == null ? null : estate.regionPath())
                .param("at", Timestamp.from(clock.instant())).param("by", me.actor()).update();
        for (Campaign campaign : campaigns.visible(me)) {
            if (campaign.runs(InspectionKind.SELF_HOME)) {
                reassign(campaign, campaign.current(campaigns.today()), me.id(), estate, me.actor());
            }
        }
    }

    /** Assigns every recorded home in the campaign's region for the phase (when a campaign or a phase begins). */
    @Transactional
    public int assignHomes(Campaign campaign, Campaign.Phase phase, String actor) {
        if (!campaign.runs(InspectionKind.SELF_HOME)) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO sup_assignment (campaign_id, phase_id, estate_id, kind, user_id, created_at, created_by)
                        SELECT :c, :p, h.estate_id, 'SELF_HOME', h.user_id, :at, :by FROM sup_home h
                         WHERE h.estate_id IS NOT NULL AND h.estate_path LIKE :region || '%'
                           AND (h.scope_path LIKE :region || '%' OR :region LIKE h.scope_path || '%')
                        ON CONFLICT (phase_id, user_id) WHERE kind = 'SELF_HOME' DO NOTHING""")
                .param("c", campaign.id()).param("p", phase.id()).param("region", campaign.regionPath())
                .param("at", Timestamp.from(clock.instant())).param("by", actor).update();
    }

    /** The head's people (the authority staff of their region and below) and where each stands in the phase. */
    public List<TeamRow> team(Campaign campaign, Campaign.Phase phase, CurrentUser head) {
        List<StaffDirectory.Authority> people = staff.authoritiesWithin(head.scopePath()).stream()
                .filter(p -> p.scopePath().startsWith(campaign.regionPath()) || campaign.regionPath().startsWith(p.scopePath()))
                .toList();
        Map<Long, Long> homes = new java.util.HashMap<>();
        Set<Long> recorded = new HashSet<>();
        jdbc.sql("SELECT user_id, estate_id FROM sup_home WHERE user_id IN (:ids)")
                .param("ids", people.isEmpty() ? List.of(-1L) : people.stream().map(StaffDirectory.Authority::id).toList())
                .query(rs -> {
                    recorded.add(rs.getLong("user_id"));
                    homes.put(rs.getLong("user_id"), (Long) rs.getObject("estate_id"));
                });
        Set<Long> done = inspections.homeInspectors(campaign.id(), phase.id());
        Map<String, String> departments = org.regions(head.scopePath()).stream()
                .collect(Collectors.toMap(RegionRef::path, RegionRef::name, (a, b) -> a));
        return people.stream().map(p -> {
            Long estate = homes.get(p.id());
            Status status = !recorded.contains(p.id()) ? Status.NOT_RECORDED : estate == null ? Status.NO_ESTATE
                    : done.contains(p.id()) ? Status.DONE : Status.PENDING;
            return new TeamRow(p.id(), p.displayName(), p.role(), departments.getOrDefault(p.scopePath(), p.scopePath()), status,
                    estate, estateName(estate));
        }).sorted(java.util.Comparator.comparing((TeamRow r) -> r.status() == Status.DONE || r.status() == Status.NO_ESTATE)
                .thenComparing(TeamRow::department)).toList();
    }

    private void reassign(Campaign campaign, Campaign.Phase phase, long userId, EstateRef estate, String actor) {
        jdbc.sql("DELETE FROM sup_assignment WHERE phase_id = :p AND user_id = :u AND kind = 'SELF_HOME'")
                .param("p", phase.id()).param("u", userId).update();
        if (estate != null && estate.regionPath().startsWith(campaign.regionPath())) {
            jdbc.sql("""
                            INSERT INTO sup_assignment (campaign_id, phase_id, estate_id, kind, user_id, created_at, created_by)
                            VALUES (:c, :p, :e, 'SELF_HOME', :u, :at, :by)""")
                    .param("c", campaign.id()).param("p", phase.id()).param("e", estate.id()).param("u", userId)
                    .param("at", Timestamp.from(clock.instant())).param("by", actor).update();
        }
    }

    private String estateName(Long estateId) {
        return estateId == null ? null : org.estate(new EstateId(estateId), "R/").map(EstateRef::name).orElse(null);
    }
}
