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
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
    private final Validator validator;
    private final MessageSource messages;

    PolicyController(Policies policies, GroupFields groupFields, OrgDirectory org, Clock clock, ZoneId zone,
                     Validator validator, MessageSource messages) {
        this.policies = policies;
        this.groupFields = groupFields;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
        this.validator = validator;
        this.messages = messages;
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
        model.addAttribute("form", PolicyForm.of(name, me.scopePath(),
                LocalDateTime.now(clock.withZone(zone)).plusHours(1).withSecond(0).withNano(0).toString(),
                from, preset == null ? null : preset.name(), params));
        model.addAttribute("groups", groupFields.of(params));
        scopes(model, me);
        vocabulary(model);
        return "policies/edit";
    }

    /**
     * Schedules the posted version. A value left empty, not a value of its kind or outside its bounds
     * is refused, named under its field, and the form comes back with everything else as typed.
     */
    @PostMapping("/policies")
    @PreAuthorize("hasAuthority('POLICY_WRITE')")
    String schedule(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.require();
        FieldErrors errors = new FieldErrors();
        PolicyParameters parameters;
        try {
            PolicyParameters checkpoint = PolicyForm.parse(params, errors);
            Map<String, Record> groupValues = groupFields.bind(params, errors);
            parameters = checkpoint == null ? null : checkpoint.withGroups(groupValues);
        } catch (IllegalArgumentException e) {
            // Only a tampered form names a check, follow-up or policy the editor does not offer.
            throw new InvalidInputException("error.policy.form");
        }
        LocalDateTime effective = effectiveFrom(params.getFirst("effectiveFrom"), errors);
        String name = params.getFirst("name") == null ? "" : params.getFirst("name").trim();
        if (name.isEmpty()) {
            errors.empty("name");
        } else if (name.length() > 100) {
            errors.add("name", "policy.field.tooLong", 100);
        }
        String scope = params.getFirst("scopePath");
        String label = scopes(me).get(scope);
        if (label == null) {
            errors.invalid("scopePath");
        }
        if (errors.isEmpty()) {
            outOfBounds(parameters, errors);
        }
        if (errors.isEmpty()) {
            try {
                String basedOn = params.getFirst("basedOnId");
                long id = policies.schedule(new Policies.NewVersion(name, scope, label, effective.atZone(zone).toInstant(),
                        parameters, basedOn == null || basedOn.isBlank() ? null : Long.valueOf(basedOn),
                        blankToNull(params.getFirst("presetCode"))), me);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/policies/" + id;
            } catch (InvalidInputException e) {
                if (!"error.policy.past".equals(e.messageKey())) {
                    throw e;
                }
                errors.add("effectiveFrom", "policy.field.past");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("form", PolicyForm.posted(params, errors.messages(messages, LocaleContextHolder.getLocale())));
        model.addAttribute("groups", groupFields.of(params));
        model.addAttribute("scopes", scopes(me));
        vocabulary(model);
        return "policies/edit";
    }

    private static LocalDateTime effectiveFrom(String posted, FieldErrors errors) {
        if (posted == null || posted.isBlank()) {
            errors.empty("effectiveFrom");
            return null;
        }
        try {
            return LocalDateTime.parse(posted.trim());
        } catch (DateTimeParseException e) {
            errors.invalid("effectiveFrom");
            return null;
        }
    }

    /** Each value outside its bounds, named as its field: {@code natWindowHours}, {@code hygiene.chlorineMinMgL}. */
    private void outOfBounds(PolicyParameters parameters, FieldErrors errors) {
        for (ConstraintViolation<PolicyParameters> v : validator.validate(parameters)) {
            StringJoiner field = new StringJoiner(".");
            String property = null;
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKey() != null) {
                    field.add(node.getKey().toString());
                }
                if (node.getName() != null && !"groups".equals(node.getName()) && node.getKind() == ElementKind.PROPERTY) {
                    field.add(node.getName());
                    property = node.getName();
                }
            }
            if (v.getConstraintDescriptor().getAnnotation() instanceof NotNull || property == null) {
                errors.empty(field.toString());
            } else {
                String[] bounds = groupFields.bounds(v.getLeafBean().getClass(), property);
                errors.outOfRange(field.toString(), bounds[0], bounds[1]);
            }
        }
    }

    @PostMapping("/policies/{id}/withdraw")
    @PreAuthorize("hasAuthority('POLICY_WRITE')")
    String withdraw(@PathVariable long id) {
        policies.withdraw(new PolicyVersionId(id), CurrentUser.require());
        return "redirect:/policies/" + id;
    }

    private void scopes(Model model, CurrentUser me) {
        model.addAttribute("scopes", scopes(me));
    }

    /** The scopes a user may write a version for, by path: their city and districts, and each estate. */
    private Map<String, String> scopes(CurrentUser me) {
        Map<String, String> scopes = new LinkedHashMap<>();
        org.regions(me.scopePath()).stream()
                .filter(r -> r.path().startsWith(me.scopePath()) && (r.level() == RegionLevel.CITY || r.level() == RegionLevel.DISTRICT))
                .forEach(r -> scopes.put(r.path(), r.name()));
        org.estates(me.scopePath()).forEach(e -> scopes.put(e.regionPath(), e.name()));
        return scopes;
    }

    private static void vocabulary(Model model) {
        model.addAttribute("categories", EntrantCategory.values());
        model.addAttribute("checkKinds", CheckKind.values());
        model.addAttribute("reasons", ReasonCode.values());
        model.addAttribute("followUpKinds", FollowUpKind.forRefusals());
        model.addAttribute("outsiderPolicies", OutsiderPolicy.values());
        model.addAttribute("courierPolicies", CourierPolicy.values());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
