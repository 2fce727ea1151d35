package com.estateguard.staff.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.staff.internal.DutyRoster.Team;
import com.estateguard.staff.internal.DutyRoster;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Duty roster pages (ACC-01). */
@Controller
class RosterController {

    private final DutyRoster roster;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    RosterController(DutyRoster roster, OrgDirectory org, Clock clock, ZoneId zone) {
        this.roster = roster;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/roster")
    @PreAuthorize("hasAuthority('CHECK_READ')")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        CurrentUser me = CurrentUser.require();
        LocalDate from = day == null ? LocalDate.now(clock.withZone(zone)) : day;
        model.addAttribute("day", from);
        model.addAttribute("shifts", roster.between(me.scopePath(), from.atStartOfDay(zone).toInstant(),
                from.plusDays(2).atStartOfDay(zone).toInstant()));
        var estates = org.estates(me.scopePath());
        model.addAttribute("entrances", estates.stream().flatMap(e -> org.entrances(new EstateId(e.id())).stream()).toList());
        model.addAttribute("staff", me.estateId() == null ? List.of() : roster.staffOf(me.estateId()));
        model.addAttribute("teams", Team.values());
        return "roster/list";
    }

    @PostMapping("/roster")
    @PreAuthorize("hasAuthority('ROSTER_WRITE')")
    String create(@RequestParam long entranceId,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                  @RequestParam long leaderUserId, @RequestParam(required = false) List<Long> memberIds,
                  @RequestParam Map<String, String> all) {
        if (memberIds == null || memberIds.isEmpty()) {
            throw new InvalidInputException("error.shift.leader");
        }
        Map<Long, Team> members = new LinkedHashMap<>();
        for (Long id : memberIds) {
            members.put(id, Team.valueOf(all.getOrDefault("team_" + id, Team.GUARD.name())));
        }
        roster.create(entranceId, startsAt.atZone(zone).toInstant(), endsAt.atZone(zone).toInstant(), leaderUserId,
                members, CurrentUser.require());
        return "redirect:/roster?day=" + startsAt.toLocalDate();
    }
}
