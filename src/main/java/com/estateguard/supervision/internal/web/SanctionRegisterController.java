package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateRef;
import com.estateguard.supervision.internal.overview.SupervisionOverview;
import com.estateguard.supervision.internal.rectification.RectificationOrders;
import com.estateguard.supervision.internal.sanctions.SanctionKind;
import com.estateguard.supervision.internal.sanctions.Sanctions;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company's sanctions (what is in force, and the history) and the estate's supervision page. */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class SanctionRegisterController {

    private final SupervisionOverview overview;
    private final RectificationOrders orders;
    private final Sanctions sanctions;

    SanctionRegisterController(SupervisionOverview overview, RectificationOrders orders, Sanctions sanctions) {
        this.overview = overview;
        this.orders = orders;
        this.sanctions = sanctions;
    }

    @GetMapping("/supervision/companies/{id}")
    String company(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("company", overview.company(id, me));
        List<Sanctions.Sanction> all = sanctions.ofCompany(id);
        model.addAttribute("inForce", all.stream().filter(Sanctions.Sanction::inForce).toList());
        model.addAttribute("history", all.stream().filter(s -> !s.inForce()).toList());
        model.addAttribute("estates", overview.estatesOf(id, me));
        return "supervision/company";
    }

    @GetMapping("/supervision/estates/{id}")
    String estate(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        EstateRef estate = overview.estate(id, me);
        model.addAttribute("estate", estate);
        model.addAttribute("inspections", overview.inspections(id, me));
        model.addAttribute("orders", orders.ofEstate(id, me));
        List<Sanctions.Sanction> all = sanctions.ofCompany(estate.companyId());
        model.addAttribute("inForce", all.stream().filter(Sanctions.Sanction::inForce).toList());
        model.addAttribute("sanctionKinds", SanctionKind.values());
        return "supervision/estate";
    }

    /** A sanction grounded on an inspection or an order, from the estate's page. */
    @PostMapping("/supervision/sanctions")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String impose(@Valid @ModelAttribute Sanctions.SanctionForm form, @org.springframework.web.bind.annotation.RequestParam long estateId,
                  RedirectAttributes flash) {
        sanctions.impose(form, CurrentUser.require());
        flash.addFlashAttribute("saved", "sanction");
        return "redirect:/supervision/estates/" + estateId;
    }
}
