package com.estateguard.supplies.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.supplies.internal.Budgets;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Prevention budgets and spending per company (SUP-04). */
@Controller
@PreAuthorize("hasAuthority('SUPPLY_READ')")
class BudgetController {

    private final Budgets budgets;

    BudgetController(Budgets budgets) {
        this.budgets = budgets;
    }

    @GetMapping("/supplies/budgets")
    String list(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser me = CurrentUser.require();
        int y = year == null ? budgets.thisYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("rows", budgets.list(y, me));
        model.addAttribute("companies", budgets.companies(me));
        return "supplies/budgets";
    }

    @PostMapping("/supplies/budgets")
    @PreAuthorize("hasAuthority('BUDGET_WRITE')")
    String setBudget(@Valid @ModelAttribute Budgets.BudgetForm form, RedirectAttributes flash) {
        budgets.setBudget(form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.amount().toPlainString());
        return "redirect:/supplies/budgets?year=" + form.year();
    }

    @PostMapping("/supplies/spending")
    @PreAuthorize("hasAuthority('SUPPLY_WRITE') or hasAuthority('BUDGET_WRITE')")
    String spend(@Valid @ModelAttribute Budgets.SpendingForm form, RedirectAttributes flash) {
        budgets.spend(form, CurrentUser.require());
        flash.addFlashAttribute("saved", form.amount().toPlainString());
        return "redirect:/supplies/budgets?year=" + form.spentOn().getYear();
    }
}
