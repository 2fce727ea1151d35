package com.estateguard.access.internal.web;

import com.estateguard.access.internal.visitors.VisitForm;
import com.estateguard.access.internal.visitors.Visitors;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotPermittedException;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Visitors: a resident's self-service page (mobile), the gate desk's list, registration and reports. */
@Controller
class VisitorController {

    private final Visitors visitors;

    VisitorController(Visitors visitors) {
        this.visitors = visitors;
    }

    @GetMapping("/my/visitors")
    @PreAuthorize("hasAuthority('VISITOR_PREREGISTER')")
    String mine(Model model) {
        CurrentUser me = resident();
        model.addAttribute("visits", visitors.byHost(me));
        model.addAttribute("exceptions", visitors.exceptions(me.estateId(), me));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", VisitForm.empty(visitors.today()));
        }
        return "residents/my-visitors";
    }

    @PostMapping("/my/visitors")
    @PreAuthorize("hasAuthority('VISITOR_PREREGISTER')")
    String preRegister(@Valid @ModelAttribute("form") VisitForm form, BindingResult errors, Model model) {
        CurrentUser me = resident();
        if (save(me.estateId(), form, false, errors, me)) {
            return "redirect:/my/visitors?saved=1";
        }
        return mine(model);
    }

    @GetMapping("/visitors")
    @PreAuthorize("hasAuthority('VISITOR_REGISTER')")
    String desk(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("visits", visitors.from(me.estateId(), visitors.today(), me));
        model.addAttribute("reports", visitors.reports(me.estateId(), me));
        model.addAttribute("exceptions", me.estateId() == null ? java.util.List.of() : visitors.exceptions(me.estateId(), me));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", VisitForm.empty(visitors.today()));
        }
        return "residents/visitors";
    }

    @PostMapping("/visitors")
    @PreAuthorize("hasAuthority('VISITOR_REGISTER')")
    String registerAtGate(@Valid @ModelAttribute("form") VisitForm form, BindingResult errors, Model model) {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() == null) {
            throw new NotPermittedException();
        }
        if (form.hostAddress() == null || form.hostAddress().isBlank()) {
            errors.rejectValue("hostAddress", "visit.error.hostAddress");
        }
        if (save(me.estateId(), form, true, errors, me)) {
            return "redirect:/visitors?saved=1";
        }
        model.addAttribute("formOpen", true);
        return desk(model);
    }

    @PostMapping("/visitors/reports")
    @PreAuthorize("hasAuthority('VISITOR_REGISTER')")
    String report(@RequestParam String visitorName, @RequestParam(required = false) String idNumber,
                  @RequestParam String kind, @RequestParam String note, @RequestParam String reportedTo) {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() == null) {
            throw new NotPermittedException();
        }
        visitors.report(me.estateId(), visitorName, idNumber, kind, note, reportedTo, me);
        return "redirect:/visitors?reported=1";
    }

    private boolean save(long estateId, VisitForm form, boolean atGate, BindingResult errors, CurrentUser me) {
        if (!errors.hasFieldErrors("idNumber") && form.idNumber() != null && !IdNumber.valid(form.idNumber())) {
            errors.rejectValue("idNumber", "residents.error.idInvalid");
        }
        if (errors.hasErrors()) {
            return false;
        }
        try {
            visitors.register(estateId, form, atGate, me);
            return true;
        } catch (InvalidInputException e) {
            errors.reject(e.messageKey(), e.args(), e.messageKey());
            return false;
        }
    }

    private static CurrentUser resident() {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() == null) {
            throw new NotPermittedException();
        }
        return me;
    }
}
