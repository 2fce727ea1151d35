package com.estateguard.emergency.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.internal.lockdown.Lockdowns;
import com.estateguard.emergency.internal.lockdown.MovementControl;
import com.estateguard.emergency.internal.lockdown.RestrictionTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The incident's lockdown and movement page (封闭管控): lock the estate down (with a confirmation)
 * or lift it, restricted people, their leave approvals with the return matched from the gate, and
 * recovered cases' discharges.
 */
@Controller
@PreAuthorize("hasAuthority('EMERGENCY_READ')")
class LockdownController {

    record RestrictionForm(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 50) String name,
                           @Size(max = 20) String phone, @NotNull RestrictionTier tier,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime until) {
    }

    record LeaveForm(@NotBlank @Size(max = 200) String reason,
                     @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime returnBy) {
    }

    record RecoveryForm(@NotBlank @Size(max = 18) String idNumber, @NotBlank @Size(max = 50) String name,
                        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dischargedOn) {
    }

    private final Incidents incidents;
    private final Lockdowns lockdowns;
    private final MovementControl movement;
    private final ZoneId zone;

    LockdownController(Incidents incidents, Lockdowns lockdowns, MovementControl movement, ZoneId zone) {
        this.incidents = incidents;
        this.lockdowns = lockdowns;
        this.movement = movement;
        this.zone = zone;
    }

    @GetMapping("/emergency/incidents/{id}/lockdown")
    String page(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        IncidentId incident = new IncidentId(id);
        model.addAttribute("incident", incidents.get(incident, me));
        var history = lockdowns.history(incident, me);
        model.addAttribute("lockdown", history.stream().filter(l -> l.inForce()).findFirst().orElse(null));
        model.addAttribute("lockdowns", history);
        model.addAttribute("sources", lockdowns.sources(me));
        model.addAttribute("restrictions", movement.restrictions(incident, me));
        model.addAttribute("approvals", movement.approvals(incident, me));
        model.addAttribute("recoveries", movement.recoveries(incident, me));
        movement.recordView(incident, me);
        model.addAttribute("tiers", RestrictionTier.values());
        return "emergency/lockdown";
    }

    @PostMapping("/emergency/incidents/{id}/lockdown")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String lockDown(@PathVariable long id, @RequestParam String source, @RequestParam(defaultValue = "false") boolean confirm) {
        confirmed(confirm);
        lockdowns.lockDown(new IncidentId(id), source, CurrentUser.require());
        return redirect(id);
    }

    @PostMapping("/emergency/incidents/{id}/lockdown/lift")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String lift(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm) {
        confirmed(confirm);
        lockdowns.lift(new IncidentId(id), CurrentUser.require());
        return redirect(id);
    }

    @PostMapping("/emergency/incidents/{id}/restrictions")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String restrict(@PathVariable long id, @Valid @ModelAttribute RestrictionForm form) {
        movement.restrict(new IncidentId(id), form.idNumber(), form.name(), form.phone(), form.tier(),
                form.until() == null ? null : form.until().atZone(zone).toInstant(), CurrentUser.require());
        return redirect(id) + "#restrictions";
    }

    @PostMapping("/emergency/incidents/{id}/restrictions/{restriction}/leave")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String approveLeave(@PathVariable long id, @PathVariable long restriction, @Valid @ModelAttribute LeaveForm form) {
        movement.approveLeave(new IncidentId(id), restriction, form.reason(), form.returnBy().atZone(zone).toInstant(),
                CurrentUser.require());
        return redirect(id) + "#approvals";
    }

    @PostMapping("/emergency/incidents/{id}/recoveries")
    @PreAuthorize("hasAuthority('EMERGENCY_RUN')")
    String recordRecovery(@PathVariable long id, @Valid @ModelAttribute RecoveryForm form) {
        movement.recordRecovery(new IncidentId(id), form.idNumber(), form.name(), form.dischargedOn(), CurrentUser.require());
        return redirect(id) + "#recoveries";
    }

    /** Closing an estate is not undone by a slip: the form carries a ticked confirmation. */
    private static void confirmed(boolean confirm) {
        if (!confirm) {
            throw new InvalidInputException("error.lockdown.confirm");
        }
    }

    private static String redirect(long id) {
        return "redirect:/emergency/incidents/" + id + "/lockdown";
    }
}
