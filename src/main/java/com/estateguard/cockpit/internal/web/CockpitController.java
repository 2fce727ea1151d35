package com.estateguard.cockpit.internal.web;

import com.estateguard.cockpit.internal.Cockpit;
import com.estateguard.cockpit.internal.CockpitCharts;
import com.estateguard.cockpit.internal.CockpitPanels;
import com.estateguard.common.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The cockpit (驾驶舱): {@code /cockpit} for the user's own region or estate, {@code ?region=} or
 * {@code ?estate=} to drill down, {@code ?day=} for another day; the charts' figures as JSON.
 */
@Controller
@PreAuthorize("hasAuthority('COCKPIT_READ')")
class CockpitController {

    private final CockpitCharts charts;
    private final CockpitPanels panels;
    private final Clock clock;
    private final ZoneId zone;

    CockpitController(CockpitCharts charts, CockpitPanels panels, Clock clock, ZoneId zone) {
        this.charts = charts;
        this.panels = panels;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/cockpit")
    String page(@RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        CurrentUser me = CurrentUser.require();
        Cockpit.View view = charts.view(me, region, estate, day);
        model.addAttribute("view", view);
        model.addAttribute("links", charts.links(view));
        model.addAttribute("ledger", charts.ledger(view));
        model.addAttribute("reasons", charts.reasons(view));
        model.addAttribute("columns", charts.columns());
        model.addAttribute("rows", charts.rows(view));
        model.addAttribute("incidents", panels.incidents(view));
        model.addAttribute("campaigns", panels.campaigns(view, me));
        // The two panels show what is under way now, whatever day the figures above are for: a past day says so.
        LocalDate today = LocalDate.now(clock.withZone(zone));
        model.addAttribute("panelsAsOf", view.to().isBefore(today) ? today : null);
        return "cockpit/cockpit";
    }

    @GetMapping(value = "/cockpit/figures.json", produces = "application/json")
    @ResponseBody
    Map<String, Object> figures(@RequestParam(required = false) Long region, @RequestParam(required = false) Long estate,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return charts.json(charts.view(CurrentUser.require(), region, estate, day));
    }
}
