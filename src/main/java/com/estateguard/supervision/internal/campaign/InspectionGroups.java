package com.estateguard.supervision.internal.campaign;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.org.CompanyId;
import com.estateguard.org.CompanyRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 行业分片督导 (SPV-05): a campaign's inspection groups (组团), each covering a set of streets or
 * towns, with the four-level chain (督导指挥员, 督导监督员, 督导联络员, 组团督导负责人 from an
 * association member company) and its members.
 */
@Service
public class InspectionGroups {

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final StaffDirectory staff;
    private final Clock clock;

    InspectionGroups(JdbcClient jdbc, OrgDirectory org, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.staff = staff;
        this.clock = clock;
    }

    public record Area(long regionId, String name, String path) {
    }

    public record Member(long userId, String displayName, MemberForm.Duty duty) {
    }

    public record Group(long id, long campaignId, String name, String leaderCompany, List<Area> areas, List<Member> members) {

        public List<Member> withDuty(MemberForm.Duty duty) {
            return members.stream().filter(m -> m.duty() == duty).toList();
        }

        public boolean covers(String estateRegionPath) {
            return areas.stream().anyMatch(a -> estateRegionPath.startsWith(a.path()));
        }
    }

    @Transactional
    public long create(Campaign campaign, GroupForm form, CurrentUser by) {
        Campaigns.requireManager(by);
        String company = Optional.ofNullable(form.leaderCompanyId()).flatMap(id -> org.company(new CompanyId(id)))
                .map(CompanyRef::name).orElse(null);
        if (form.leaderCompanyId() != null && company == null) {
            throw new NotFoundException("company", form.leaderCompanyId());
        }
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO sup_group (campaign_id, name, leader_company_id, created_at, created_by)
                            VALUES (:c, :name, :company, :at, :by) RETURNING id""")
                    .param("c", campaign.id()).param("name", form.name().strip()).param("company", form.leaderCompanyId())
                    .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("error.sup.groupExists", form.name());
        }
        for (long regionId : form.regionIds()) {
            addArea(campaign, id, regionId, by);
        }
        return id;
    }

    /** A street or town of the campaign's region, covered by no other group of the campaign. */
    private void addArea(Campaign campaign, long groupId, long regionId, CurrentUser by) {
        RegionRef region = org.region(new RegionId(regionId))
                .filter(r -> r.path().startsWith(campaign.regionPath()) && r.path().startsWith(by.scopePath()))
                .orElseThrow(() -> new NotFoundException("region", regionId));
        Optional<String> taken = jdbc.sql("""
                        SELECT g.name FROM sup_group_area a JOIN sup_group g ON g.id = a.group_id
                         WHERE a.campaign_id = :c AND (a.region_path LIKE :path || '%' OR :path LIKE a.region_path || '%')""")
                .param("c", campaign.id()).param("path", region.path()).query(String.class).optional();
        if (taken.isPresent()) {
            throw new StreetAlreadyCovered(region.name(), taken.get());
        }
        jdbc.sql("INSERT INTO sup_group_area (group_id, campaign_id, region_id, region_path) VALUES (:g, :c, :r, :path)")
                .param("g", groupId).param("c", campaign.id()).param("r", regionId).param("path", region.path()).update();
    }

    @Transactional
    public void addMember(Campaign campaign, long groupId, MemberForm form, CurrentUser by) {
        Campaigns.requireManager(by);
        group(campaign, groupId);
        StaffDirectory.StaffMember person = staff.byUsername(form.username().strip())
                .orElseThrow(() -> new InvalidInputException("error.sup.noSuchUser", form.username()));
        jdbc.sql("""
                        INSERT INTO sup_group_member (group_id, user_id, display_name, duty, added_at, added_by)
                        VALUES (:g, :u, :name, :duty, :at, :by)
                        ON CONFLICT (group_id, user_id) DO UPDATE SET duty = excluded.duty""")
                .param("g", groupId).param("u", person.id()).param("name", person.displayName()).param("duty", form.duty().name())
                .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).update();
    }

    public Group group(Campaign campaign, long groupId) {
        return of(campaign).stream().filter(g -> g.id() == groupId).findFirst()
                .orElseThrow(() -> new NotFoundException("group", groupId));
    }

    public List<Group> of(Campaign campaign) {
        Map<Long, List<Area>> areas = jdbc.sql("""
                        SELECT a.group_id, a.region_id, a.region_path FROM sup_group_area a
                         WHERE a.campaign_id = :c ORDER BY a.region_path""")
                .param("c", campaign.id())
                .query((rs, i) -> Map.entry(rs.getLong("group_id"), new Area(rs.getLong("region_id"),
                        org.region(new RegionId(rs.getLong("region_id"))).map(RegionRef::name).orElse(""), rs.getString("region_path"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, List<Member>> members = jdbc.sql("""
                        SELECT m.group_id, m.user_id, m.display_name, m.duty FROM sup_group_member m JOIN sup_group g ON g.id = m.group_id
                         WHERE g.campaign_id = :c ORDER BY m.duty, m.display_name""")
                .param("c", campaign.id())
                .query((rs, i) -> Map.entry(rs.getLong("group_id"), new Member(rs.getLong("user_id"), rs.getString("display_name"),
                        MemberForm.Duty.valueOf(rs.getString("duty")))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("SELECT id, name, leader_company_id FROM sup_group WHERE campaign_id = :c ORDER BY id")
                .param("c", campaign.id())
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    Long company = (Long) rs.getObject("leader_company_id");
                    String companyName = company == null ? null : org.company(new CompanyId(company)).map(CompanyRef::name).orElse(null);
                    return new Group(id, campaign.id(), rs.getString("name"), companyName,
                            areas.getOrDefault(id, List.of()), members.getOrDefault(id, new ArrayList<>()));
                }).list();
    }

    /** The groups the user belongs to in this campaign, in any duty. */
    public List<Long> groupsOf(Campaign campaign, long userId) {
        return jdbc.sql("""
                        SELECT m.group_id FROM sup_group_member m JOIN sup_group g ON g.id = m.group_id
                         WHERE g.campaign_id = :c AND m.user_id = :u""")
                .param("c", campaign.id()).param("u", userId).query(Long.class).list();
    }
}
