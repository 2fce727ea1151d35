package com.estateguard.policy.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.CourierPolicy;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.FollowUpKind;
import com.estateguard.policy.OutsiderPolicy;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.policy.PolicyVersion;
import com.estateguard.policy.PolicyVersionId;
import com.estateguard.policy.ReasonCode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Policy versions: read the one in force, copy a preset or a version, change values, schedule it. */
@Controller
@PreAuthorize("hasAuthority('POLICY_READ')")
class PolicyController {

    private final Policies policies;
    private final GroupFields groupFields;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    PolicyController(Policies policies, GroupFields groupFields, OrgDirectory org, Clock clock, ZoneId zone) {
        this.policies = policies;
        this.groupFields = groupFields;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/policies")
    String list(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("versions", policies.visibleTo(me));
        model.addAttribute("presets", PolicyPreset.values());
        model.addAttribute("now", clock.instant());
        return "policies/list";
    }

    @GetMapping("/policies/{id}")
    String detail(@PathVariable long id, Model model) {
        PolicyVersion version = policies.byId(new PolicyVersionId(id));
        model.addAttribute("version", version);
        model.addAttribute("groups", groupFields.of(version.parameters()));
        vocabulary(model);
        return "policies/detail";
    }

    @GetMapping("/policies/new")
    @PreAuthorize("hasAuthority('POLICY_WRITE')")
    String draft(@RequestParam(required = false) PolicyPreset preset, @RequestParam(required = false) Long from, Model model) {
        CurrentUser me = CurrentUser.require();
        PolicyParameters params;
        String name;
        if (from != null) {
            PolicyVersion base = policies.byId(new PolicyVersionId(from));
            params = base.parameters();
            name = base.name();
        } else {
            PolicyPreset p = preset == null ? PolicyPreset.DEFAULT : preset;
            params = policies.preset(p);
            name = p.labelZh();
        }
        model.addAttribute("form", new PolicyForm(name, me.scopePath(),
                LocalDateTime.now(clock.withZone(zone)).plusHours(1).withSecond(0).withNano(0).toString(),
                from, preset == null ? null : preset.name(), params));
        model.addAttribute("groups", groupFields.of(params));
        scopes(model, me);
        vocabulary(model);
        return "policies/edit";
    }

    @PostMapping("/policies")
    @PreAuthorize("hasAuthority('POLICY_WRITE')")
    String schedule(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.require();
        PolicyParameters parameters;
        LocalDateTime effective;
        try {
            parameters = PolicyForm.parse(params).withGroups(groupFields.bind(params));
            effective = LocalDateTime.parse(params.getFirst("effectiveFrom"));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new InvalidInputException("error.policy.form");
        }
        String scope = params.getFirst("scopePath");
        String name = params.getFirst("name");
        if (name == null || name.isBlank() || name.length() > 100 || scope == null) {
            throw new InvalidInputException("error.policy.form");
        }
        String label = org.regions(me.scopePath()).stream().filter(r -> r.path().equals(scope)).map(r -> r.name())
                .findFirst().orElseGet(() -> org.estates(me.scopePath()).stream().filter(e -> e.regionPath().equals(scope))
                        .map(e -> e.name()).findFirst().orElseThrow(() -> new InvalidInputException("error.policy.form")));
        String basedOn = params.getFirst("basedOnId");
        long id = policies.schedule(new Policies.NewVersion(name.trim(), scope, label, effective.atZone(zone).toInstant(),
                parameters, basedOn == null || basedOn.isBlank() ? null : Long.valueOf(basedOn),
                blankToNull(params.getFirst("presetCode"))), me);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/policies/" + id;
    }

    @PostMapping("/policies/{id}/withdraw")
    @PreAuthorize("hasAuthority('POLICY_WRITE')")
    String withdraw(@PathVariable long id) {
        policies.withdraw(new PolicyVersionId(id), CurrentUser.require());
        return "redirect:/policies/" + id;
    }

    private void scopes(Model model, CurrentUser me) {
        Map<String, String> scopes = new LinkedHashMap<>();
        org.regions(me.scopePath()).stream()
                .filter(r -> r.path().startsWith(me.scopePath()) && (r.level() == RegionLevel.CITY || r.level() == RegionLevel.DISTRICT))
                .forEach(r -> scopes.put(r.path(), r.name()));
        org.estates(me.scopePath()).forEach(e -> scopes.put(e.regionPath(), e.name()));
        model.addAttribute("scopes", scopes);
    }

    private static void vocabulary(Model model) {
        model.addAttribute("categories", EntrantCategory.values());
        model.addAttribute("checkKinds", CheckKind.values());
        model.addAttribute("reasons", ReasonCode.values());
        model.addAttribute("followUpKinds", FollowUpKind.values());
        model.addAttribute("outsiderPolicies", OutsiderPolicy.values());
        model.addAttribute("courierPolicies", CourierPolicy.values());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
