package com.estateguard.identity.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.common.Role;
import com.estateguard.identity.Users;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.Valid;
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

/** User administration: everyone in the admin's scope; new accounts only inside it. */
@Controller
@PreAuthorize("hasAuthority('USER_ADMIN')")
class UserAdminController {

    private final Users users;
    private final OrgDirectory org;

    UserAdminController(Users users, OrgDirectory org) {
        this.users = users;
        this.org = org;
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("result", users.search(me, q, role, after, before, 30));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Users.NewUser("", "", "", Role.GUARD, null, null, me.estateId(), ""));
        }
        addChoices(model, me);
        return "users/list";
    }

    @PostMapping("/users")
    String create(@Valid @ModelAttribute("form") Users.NewUser form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return list(null, null, null, null, model);
        }
        try {
            users.create(form, CurrentUser.require());
        } catch (DomainException e) {
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorArgs", e.args());
            return list(null, null, null, null, model);
        }
        redirect.addFlashAttribute("saved", form.username());
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@PathVariable long id) {
        users.unlock(id, CurrentUser.require());
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam boolean enabled) {
        users.setEnabled(id, enabled, CurrentUser.require());
        return "redirect:/users";
    }

    private void addChoices(Model model, CurrentUser me) {
        model.addAttribute("roles", Role.assignable());
        model.addAttribute("regions", org.regions(me.scopePath()).stream().filter(r -> r.path().startsWith(me.scopePath())).toList());
        model.addAttribute("companies", org.companies().stream().filter(c -> c.path().startsWith(me.scopePath())).toList());
        // A city's 10,000 estates are searched by name, not listed (the page was 627 KB on the generated city).
        Object form = model.getAttribute("form");
        Long chosen = form instanceof Users.NewUser f ? f.estateId() : null;
        model.addAttribute("estates", org.estateChoice(me.scopePath(), chosen));
    }
}
