package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.supervision.internal.calendar.CalendarDays;
import com.estateguard.supervision.internal.calendar.DayKind;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The working-day calendar (工作日历): every authority reads it, the city keeps it. */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class CalendarController {

    private final CalendarDays days;
    private final Clock clock;
    private final ZoneId zone;

    CalendarController(CalendarDays days, Clock clock, ZoneId zone) {
        this.days = days;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/supervision/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year;
        CurrentUser me = CurrentUser.require();
        model.addAttribute("year", y);
        model.addAttribute("years", days.years());
        model.addAttribute("described", days.year(y).orElse(null));
        model.addAttribute("days", days.of(y));
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("mayEdit", CalendarDays.mayEdit(me));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CalendarDays.DayForm(null, DayKind.HOLIDAY, ""));
        }
        return "supervision/calendar";
    }

    @PostMapping("/supervision/calendar/days")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String put(@Valid @ModelAttribute("form") CalendarDays.DayForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return calendar(form.day() == null ? null : form.day().getYear(), model);
        }
        days.put(form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.day());
        return "redirect:/supervision/calendar?year=" + form.day().getYear();
    }

    @PostMapping("/supervision/calendar/days/{day}/remove")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes flash) {
        days.remove(day, CurrentUser.require());
        flash.addFlashAttribute("saved", day);
        return "redirect:/supervision/calendar?year=" + day.getYear();
    }

    @PostMapping("/supervision/calendar/years/{year}")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String describe(@PathVariable int year, @Valid @ModelAttribute CalendarDays.YearForm form, RedirectAttributes flash) {
        days.describe(year, form, CurrentUser.require());
        flash.addFlashAttribute("saved", year);
        return "redirect:/supervision/calendar?year=" + year;
    }
}
