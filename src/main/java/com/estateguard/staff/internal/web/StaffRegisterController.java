package com.estateguard.staff.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.staff.internal.LeaveRequestId;
import com.estateguard.staff.internal.LeaveRequests;
import com.estateguard.staff.internal.StaffHealth;
import com.estateguard.staff.internal.StaffRegisters;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Vaccination, NAT and training registers of an estate's staff. */
@Controller
@PreAuthorize("hasAuthority('STAFF_READ')")
class StaffRegisterController {

    private final StaffRegisters registers;
    private final StaffHealth health;
    private final LeaveRequests leaves;

    StaffRegisterController(StaffRegisters registers, StaffHealth health, LeaveRequests leaves) {
        this.registers = registers;
        this.health = health;
        this.leaves = leaves;
    }

    @GetMapping("/staff-health/estates/{id}/registers")
    String page(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("estate", health.estate(id, me));
        model.addAttribute("staff", registers.records(id, me));
        model.addAttribute("leaves", leaves.of(id, me));
        return "staff/registers";
    }

    @PostMapping("/staff-health/estates/{id}/vaccinations")
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    String vaccinated(@PathVariable long id, @Valid @ModelAttribute StaffRegisters.VaccinationForm form, RedirectAttributes flash) {
        registers.vaccinated(id, form, CurrentUser.require());
        return saved(id, flash, form.date().toString());
    }

    @PostMapping("/staff-health/estates/{id}/nats")
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    String tested(@PathVariable long id, @Valid @ModelAttribute StaffRegisters.NatForm form, RedirectAttributes flash) {
        registers.tested(id, form, CurrentUser.require());
        return saved(id, flash, form.date().toString());
    }

    @PostMapping("/staff-health/estates/{id}/trainings")
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    String trained(@PathVariable long id, @Valid @ModelAttribute StaffRegisters.TrainingForm form, RedirectAttributes flash) {
        registers.trained(id, form, CurrentUser.require());
        return saved(id, flash, form.title());
    }

    @PostMapping("/staff-health/estates/{id}/leaves")
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    String requestLeave(@PathVariable long id, @Valid @ModelAttribute LeaveRequests.LeaveForm form, RedirectAttributes flash) {
        leaves.request(id, form, CurrentUser.require());
        return saved(id, flash, form.destination());
    }

    @PostMapping("/staff-health/estates/{id}/leaves/{leave}/decision")
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    String decide(@PathVariable long id, @PathVariable long leave, @RequestParam boolean approve, RedirectAttributes flash) {
        leaves.decide(new LeaveRequestId(leave), approve, CurrentUser.require());
        return saved(id, flash, String.valueOf(leave));
    }

    @PostMapping("/staff-health/estates/{id}/leaves/{leave}/return")
    @PreAuthorize("hasAuthority('STAFF_WRITE')")
    String reportReturn(@PathVariable long id, @PathVariable long leave,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
                        @RequestParam(required = false) String report, RedirectAttributes flash) {
        leaves.reportReturn(new LeaveRequestId(leave), returnedOn, report, CurrentUser.require());
        return saved(id, flash, String.valueOf(leave));
    }

    private static String saved(long id, RedirectAttributes flash, String what) {
        flash.addFlashAttribute("saved", what);
        return "redirect:/staff-health/estates/" + id + "/registers";
    }
}
