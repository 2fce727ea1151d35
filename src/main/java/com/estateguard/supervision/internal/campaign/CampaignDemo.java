package com.estateguard.supervision.internal.campaign;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.Inspections;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.ScoringMode;
import com.estateguard.supervision.SubmitInspection;
import com.estateguard.supervision.TemplateId;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.YesNoNa;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo campaign (演示数据) over 滨江市 with two phases, two groups (组团) with their chain, homes
 * recorded (one staff member lives in no estate), inspections of both phases (two unqualified), the
 * gaps of phase 1 given to the groups and a spot check drawn.
 */
@Component
@Order(40)
class CampaignDemo implements DemoExtension {

    private final Campaigns campaigns;
    private final HomeDuty homes;
    private final InspectionGroups groups;
    private final Coverage coverage;
    private final SpotChecks spotChecks;
    private final Inspections inspections;
    private final StaffDirectory staff;
    private final OrgDirectory org;

    CampaignDemo(Campaigns campaigns, HomeDuty homes, InspectionGroups groups, Coverage coverage, SpotChecks spotChecks,
                 Inspections inspections, StaffDirectory staff, OrgDirectory org) {
        this.campaigns = campaigns;
        this.homes = homes;
        this.groups = groups;
        this.coverage = coverage;
        this.spotChecks = spotChecks;
        this.inspections = inspections;
        this.staff = staff;
        this.org = org;
    }

    @Override
    public void load(DemoBase base) {
        Map<String, StaffDirectory.Authority> people = staff.authoritiesWithin("R/").stream()
                .collect(Collectors.toMap(StaffDirectory.Authority::username, Function.identity(), (a, b) -> a));
        CurrentUser city = user(people.get("city"));
        RegionRef cityRegion = org.regions(city.scopePath()).stream().filter(r -> r.path().equals(city.scopePath())).findFirst().orElseThrow();
        TemplateId template = inspections.inUse("HUACHUAN_2021").orElseThrow();
        LocalDate today = campaigns.today();
        long id = campaigns.create(new CampaignForm("物业小区疫情防控专项督导（演示数据）", cityRegion.id(), template.value(),
                List.of(InspectionKind.values()), "第一阶段", today.minusDays(30), today.minusDays(23)), city);
        Campaign campaign = campaigns.get(id);
        Campaign.Phase first = campaign.phases().get(0);
        group(campaign, "江南组团（演示）", cityRegion, List.of("长桥街道", "望江街道"), "安居物业", city,
                Map.of("city", MemberForm.Duty.COMMANDER, "district", MemberForm.Duty.SUPERVISOR,
                        "association", MemberForm.Duty.LIAISON, "companyhead", MemberForm.Duty.LEADER));
        group(campaign, "湖西组团（演示）", cityRegion, List.of("柳湾镇", "湖滨街道"), "和园物业", city,
                Map.of("city", MemberForm.Duty.COMMANDER, "district2", MemberForm.Duty.SUPERVISOR,
                        "association", MemberForm.Duty.LIAISON, "companyhead2", MemberForm.Duty.LEADER));

        List<Long> estates = base.estates();
        homes.record(user(people.get("street")), estates.get(0));
        homes.record(user(people.get("district")), estates.get(2));
        homes.record(user(people.get("district2")), null);
        homes.assignHomes(campaign, first, DemoBase.BY);

        inspect(template, estates.get(0), campaign, first, InspectionKind.SELF_HOME, user(people.get("street")), true);
        inspect(template, estates.get(2), campaign, first, InspectionKind.SELF_HOME, user(people.get("district")), false);
        inspect(template, estates.get(4), campaign, first, InspectionKind.GROUP, user(people.get("district2")), true);
        coverage.assignGaps(campaign, first, city);
        inspect(template, estates.get(3), campaign, first, InspectionKind.GROUP, user(people.get("district2")), false);
        spotChecks.select(campaign, first, InspectionKind.SPOT_CHECK, 2, city);

        long second = campaigns.addPhase(id, new PhaseForm("第二阶段", today.minusDays(22), null), city);
        Campaign.Phase phase2 = campaigns.get(id).phase(second).orElseThrow();
        homes.assignHomes(campaigns.get(id), phase2, DemoBase.BY);
        inspect(template, estates.get(1), campaigns.get(id), phase2, InspectionKind.GROUP, city, true);
    }

    private void group(Campaign campaign, String name, RegionRef city, List<String> streets, String company, CurrentUser by,
                       Map<String, MemberForm.Duty> chain) {
        List<RegionRef> regions = org.regions(city.path()).stream()
                .filter(r -> r.level() == RegionLevel.STREET && streets.contains(r.name())).toList();
        Long leaderCompany = org.companies().stream().filter(c -> c.parentId() == null && c.name().startsWith(company))
                .map(c -> c.id()).findFirst().orElse(null);
        long group = groups.create(campaign, new GroupForm(name, regions.stream().map(RegionRef::id).toList(), leaderCompany), by);
        chain.forEach((username, duty) -> groups.addMember(campaign, group, new MemberForm(username, duty), by));
    }

    /** Full marks, or the lowest score on the first two thirds of the items (unqualified). */
    private void inspect(TemplateId template, long estate, Campaign campaign, Campaign.Phase phase, InspectionKind kind,
                         CurrentUser by, boolean full) {
        List<TemplateItem> items = inspections.items(template);
        List<ItemEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TemplateItem item = items.get(i);
            boolean low = !full && i < items.size() * 2 / 3;
            BigDecimal value = switch (item.mode()) {
                case ALL_OR_NOTHING, GRADED -> low ? item.minPoints() : item.maxPoints();
                case DEDUCTION -> low ? item.maxPoints().subtract(item.minPoints()) : BigDecimal.ZERO;
                default -> null;
            };
            entries.add(new ItemEntry(item.id(), value, item.mode() == ScoringMode.YES_NO_NA ? YesNoNa.YES : null,
                    low ? "演示数据：现场未落实" : null));
        }
        inspections.submit(new SubmitInspection(template, new EstateId(estate), campaign.id(), phase.id(), kind, null, null,
                entries, "演示数据", null), by);
    }

    private static CurrentUser user(StaffDirectory.Authority a) {
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.scopePath(), null, null);
    }
}
