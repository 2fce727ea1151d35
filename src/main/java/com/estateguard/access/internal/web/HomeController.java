package com.estateguard.access.internal.web;

import com.estateguard.access.CheckpointPermission;
import com.estateguard.access.internal.CheckFilter;
import com.estateguard.access.internal.CheckQueries;
import com.estateguard.access.internal.FollowUps;
import com.estateguard.cockpit.TodayFigures;
import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.NoPolicyException;
import com.estateguard.policy.Policies;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: today's checks in the user's scope, open follow-ups, the policy in force. */
@Controller
class HomeController {

    private final CheckQueries queries;
    private final FollowUps followUps;
    private final Policies policies;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;
    private final TodayFigures today;

    HomeController(CheckQueries queries, FollowUps followUps, Policies policies, OrgDirectory org, Clock clock, ZoneId zone,
                   TodayFigures today) {
        this.today = today;
        this.queries = queries;
        this.followUps = followUps;
        this.policies = policies;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("me", me);
        var region = me.can(CheckpointPermission.CHECK_READ) ? today.of(me) : java.util.Optional.<java.util.Map<String, Long>>empty();
        if (region.isPresent()) {
            // A city's, district's or street's day as the cockpit keeps it: counting a city's records on every visit
            // took seconds (issue 12 §3). Entries only, like the cockpit and the daily report.
            model.addAttribute("counts", region.get());
            model.addAttribute("openFollowUps", region.get().get("FOLLOWUP.OPEN"));
            model.addAttribute("entriesOnly", true);
        } else if (me.can(CheckpointPermission.CHECK_READ)) {
            var today = LocalDate.now(clock.withZone(zone));
            var start = today.atStartOfDay(zone).toInstant();
            var end = today.plusDays(1).atStartOfDay(zone).toInstant();
            model.addAttribute("counts", queries.countByVerdict(
                    new CheckFilter(start, end, null, null, null, null, null, null, null), me));
            var open = followUps.page(me.scopePath(), true, null, null, 1);   // counted up to the cap, as the list counts
            model.addAttribute("openFollowUps", open.more() ? open.counted() + "+" : String.valueOf(open.counted()));
        }
        if (me.estateId() != null) {
            org.estate(new EstateId(me.estateId()), me.scopePath()).ifPresent(e -> {
                model.addAttribute("estate", e);
                try {
                    model.addAttribute("policy", policies.inForce(e.regionPath(), clock.instant()));
                } catch (NoPolicyException ignored) {
                    model.addAttribute("policy", null);
                }
            });
        }
        return "home";
    }
}
