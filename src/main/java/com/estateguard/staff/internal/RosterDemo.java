package com.estateguard.staff.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.staff.internal.DutyRoster.Team;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo shifts (演示数据): yesterday and the next 59 days at the south gates of 阳光花园, 锦绣苑 and 西岸名邸, and 阳光花园's north gate. */
@Component
@Order(1)
class RosterDemo implements DemoExtension {

    private final DutyRoster roster;
    private final StaffDirectory directory;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    RosterDemo(DutyRoster roster, StaffDirectory directory, OrgDirectory org, Clock clock, ZoneId zone) {
        this.roster = roster;
        this.directory = directory;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
        long manager = id("manager");
        long admin = id("admin");
        long guard = id("guard");
        long guard2 = id("guard2");
        long adminB = id("adminb");
        long guardB = id("guardb");
        long adminF = id("adminf");
        long guardF = id("guardf");
        var creator = new CurrentUser(manager, "manager", "seed", Role.PROJECT_MANAGER, "R/", base.estates().get(0), null);
        long north = org.entrances(new EstateId(base.estates().get(0))).get(1).id();
        Instant dayStart = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        for (int day = -1; day < 60; day++) {
            Instant from = dayStart.plus(Duration.ofDays(day));
            Instant to = from.plus(Duration.ofDays(1));
            roster.create(base.entrances().get(0), from, to, admin, members(admin, Team.COMMUNITY_CADRE, guard, Team.GUARD), creator);
            roster.create(north, from, to, guard2, members(guard2, Team.GUARD), creator);
            roster.create(base.entrances().get(1), from, to, adminB, members(adminB, Team.COMMUNITY_CADRE, guardB, Team.GUARD), creator);
            roster.create(base.entrances().get(5), from, to, adminF, members(adminF, Team.COMMUNITY_CADRE, guardF, Team.GUARD), creator);
        }
    }

    private long id(String username) {
        return directory.byUsername(username).orElseThrow().id();
    }

    private static Map<Long, Team> members(Object... pairs) {
        Map<Long, Team> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Long) pairs[i], (Team) pairs[i + 1]);
        }
        return map;
    }
}
