package com.estateguard.residents.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Uploads;
import com.estateguard.residents.internal.ReturnForm;
import com.estateguard.residents.internal.Returnees;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Returnee desk (RES-02): register, daily entries, the handover list, refusals with a photo; and the resident's own report. */
@Controller
class ReturneeController {

    private final Returnees returnees;
    private final Uploads uploads;

    ReturneeController(Returnees returnees, Uploads uploads) {
        this.returnees = returnees;
        this.uploads = uploads;
    }

    @GetMapping("/returnees")
    @PreAuthorize("hasAuthority('RETURNEE_REGISTER')")
    String desk(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("returnees", returnees.underObservation(me.estateId(), me));
        model.addAttribute("refusals", returnees.refusals(me.estateId(), me));
        model.addAttribute("today", returnees.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ReturnForm.empty(returnees.today()));
        }
        return "residents/returnees";
    }

    @PostMapping("/returnees")
    @PreAuthorize("hasAuthority('RETURNEE_REGISTER')")
    String registerAtGate(@Valid @ModelAttribute("form") ReturnForm form, BindingResult errors, Model model) {
        CurrentUser me = estateUser();
        if (save(me, form, true, errors)) {
            return "redirect:/returnees?saved=1";
        }
        model.addAttribute("formOpen", true);
        return desk(model);
    }

    @PostMapping("/returnees/{id}/entries")
    @PreAuthorize("hasAuthority('RETURNEE_REGISTER')")
    String entry(@PathVariable long id, @RequestParam BigDecimal temperature, @RequestParam(defaultValue = "false") boolean symptoms,
                 @RequestParam(required = false) String note) {
        returnees.dailyEntry(id, temperature, symptoms, note, CurrentUser.require());
        return "redirect:/returnees?entered=1";
    }

    @PostMapping("/returnees/refusals")
    @PreAuthorize("hasAuthority('RETURNEE_REGISTER')")
    String refusal(@RequestParam String personName, @RequestParam String note,
                   @RequestParam(required = false) MultipartFile photo) throws IOException {
        CurrentUser me = estateUser();
        returnees.refusal(me.estateId(), personName, note, uploads.photo(photo).orElse(null), me);
        return "redirect:/returnees?reported=1";
    }

    @GetMapping("/returnees/refusals/{id}/photo")
    @PreAuthorize("hasAuthority('RETURNEE_REGISTER')")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return Uploads.serve(returnees.photo(id, CurrentUser.require()), "refusal-" + id);
    }

    @GetMapping("/my/return")
    @PreAuthorize("hasAuthority('RETURN_SELF_REPORT')")
    String mine(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ReturnForm.empty(returnees.today()));
        }
        return "residents/my-return";
    }

    @PostMapping("/my/return")
    @PreAuthorize("hasAuthority('RETURN_SELF_REPORT')")
    String reportMine(@Valid @ModelAttribute("form") ReturnForm form, BindingResult errors, Model model) {
        return save(estateUser(), form, false, errors) ? "redirect:/my/return?saved=1" : mine(model);
    }

    private boolean save(CurrentUser me, ReturnForm form, boolean atGate, BindingResult errors) {
        if (!errors.hasFieldErrors("idNumber") && form.idNumber() != null && !IdNumber.valid(form.idNumber())) {
            errors.rejectValue("idNumber", "residents.error.idInvalid");
        }
        if (errors.hasErrors()) {
            return false;
        }
        try {
            returnees.register(me.estateId(), form, atGate, me);
            return true;
        } catch (InvalidInputException e) {
            errors.reject(e.messageKey(), e.args(), e.messageKey());
            return false;
        }
    }

    private static CurrentUser estateUser() {
        CurrentUser me = CurrentUser.require();
        if (me.estateId() == null) {
            throw new NotPermittedException();
        }
        return me;
    }
}
