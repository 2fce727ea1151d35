package com.estateguard.access.internal.web;

import com.estateguard.access.GuardShifts;
import com.estateguard.access.internal.CheckOutcome;
import com.estateguard.access.internal.CheckQueries;
import com.estateguard.access.internal.CheckRecorder;
import com.estateguard.access.internal.EntryCheckCommand;
import com.estateguard.access.internal.Evidence.CredentialType;
import com.estateguard.access.internal.Evidence.TemperatureMethod;
import com.estateguard.access.internal.Evidence.TravelCode;
import com.estateguard.access.internal.NotOnShift;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.common.NotFoundException;
import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.HealthSources;
import com.estateguard.healthdata.NatResult;
import com.estateguard.identity.UserId;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.CheckKind;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersion;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The gate page (卡口查验) for a phone held in one hand: choose the shift, scan, see the four
 * checks in green or red and the decision with its reasons in large type.
 */
@Controller
@PreAuthorize("hasAuthority('CHECK_RECORD')")
class GateController {

    private final GuardShifts roster;
    private final OrgDirectory org;
    private final Policies policies;
    private final CheckRecorder recorder;
    private final CheckQueries queries;
    private final HealthSources health;
    private final Validator validator;
    private final MessageSource messages;
    private final GateLookupAudit audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<UUID> clientIds;

    GateController(GuardShifts roster, OrgDirectory org, Policies policies, CheckRecorder recorder, CheckQueries queries,
                   HealthSources health, Validator validator, MessageSource messages, GateLookupAudit audit, Clock clock,
                   ZoneId zone) {
        this.audit = audit;
        this.roster = roster;
        this.org = org;
        this.policies = policies;
        this.recorder = recorder;
        this.queries = queries;
        this.health = health;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.clientIds = GateForm.clientIds(clock);
    }

    @GetMapping("/gate")
    String gate(@RequestParam(required = false) Long shift, @RequestParam(defaultValue = "SINGLE") String mode,
                @RequestParam(required = false) String plate, @RequestParam(required = false) Boolean residentVehicle,
                Model model) {
        CurrentUser me = CurrentUser.require();
        List<GuardShifts.GuardShift> mine = roster.currentFor(new UserId(me.id()), clock.instant());
        if (shift == null) {
            if (mine.size() == 1) {
                return "redirect:/gate?shift=" + mine.get(0).id();
            }
            model.addAttribute("shifts", mine);
            return "gate/choose";
        }
        GuardShifts.GuardShift current = mine.stream().filter(s -> s.id().value() == shift).findFirst()
                .orElseThrow(() -> new NotOnShift("#" + shift));
        String safeMode = List.of("SINGLE", "GROUP", "VEHICLE").contains(mode) ? mode : "SINGLE";
        UUID group = "SINGLE".equals(safeMode) ? null : UUID.randomUUID();
        page(model, current, GateForm.fresh(clientIds.get(), shift, safeMode, group, plate, residentVehicle), null);
        return "gate/gate";
    }

    /**
     * The scanner typed a code: show who it is and what the sources say, before the decision. Every
     * look-up goes to the audit trail (PIPL): who looked up which code (masked) and whether it was found.
     */
    @GetMapping("/gate/lookup")
    String lookup(@RequestParam String scannedCode, Model model) {
        var code = health.healthCode(scannedCode);
        audit.record(CurrentUser.require(), scannedCode, code);
        model.addAttribute("code", code.orElse(null));
        model.addAttribute("nat", code.flatMap(c -> health.latestNat(c.personKey())).orElse(null));
        model.addAttribute("now", clock.instant());
        model.addAttribute("unknown", code.isEmpty());
        model.addAttribute("codeSource", code.map(c -> GateTiles.source(c.source(), this::text)).orElse(""));
        model.addAttribute("natSource", model.getAttribute("nat") instanceof com.estateguard.healthdata.NatRecord n
                ? GateTiles.source(n.source(), this::text) : "");
        return "gate/lookup :: lookup";
    }

    @PostMapping("/gate/check")
    String check(@ModelAttribute GateForm form, @RequestHeader(value = "HX-Request", required = false) String htmx,
                 Model model) {
        CurrentUser me = CurrentUser.require();
        GuardShifts.GuardShift shift = roster.currentFor(new UserId(me.id()), clock.instant()).stream()
                .filter(s -> form.shiftId() != null && s.id().value() == form.shiftId()).findFirst()
                .orElseThrow(() -> new NotOnShift("#" + form.shiftId()));
        EntryCheckCommand command = form.toCommand(shift.entranceId().value(), zone);
        Set<ConstraintViolation<EntryCheckCommand>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            model.addAttribute("errors", violations.stream().map(v -> label(v.getPropertyPath().toString()) + "：" + v.getMessage()).toList());
            page(model, shift, form, null);
            return htmx != null ? "gate/gate :: workspace" : "gate/gate";
        }
        try {
            CheckOutcome outcome = recorder.record(command, me);
            GateForm next = GateForm.fresh(clientIds.get(), shift.id().value(), form.mode(), form.groupId(), form.plate(),
                    form.residentVehicle());
            page(model, shift, next, outcome);
        } catch (DomainException e) {
            model.addAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale())));
            page(model, shift, form, null);
        }
        return htmx != null ? "gate/gate :: workspace" : "gate/gate";
    }

    private void page(Model model, GuardShifts.GuardShift shift, GateForm form, CheckOutcome outcome) {
        CurrentUser me = CurrentUser.require();
        EntranceRef entrance = org.entrance(shift.entranceId(), me.scopePath())
                .orElseThrow(() -> new NotFoundException("entrance", shift.entranceId().value()));
        PolicyVersion policy = policies.inForce(entrance.estateRegionPath(), clock.instant());
        model.addAttribute("shift", shift);
        model.addAttribute("entrance", entrance);
        model.addAttribute("policy", policy);
        model.addAttribute("form", form);
        model.addAttribute("outcome", outcome);
        model.addAttribute("tiles", outcome == null ? null : GateTiles.of(outcome, this::text));
        model.addAttribute("categories", EntrantCategory.values());
        model.addAttribute("codeStatuses", CodeStatus.values());
        model.addAttribute("credentialTypes", CredentialType.values());
        model.addAttribute("methods", TemperatureMethod.values());
        model.addAttribute("natResults", NatResult.values());
        model.addAttribute("travelCodes", TravelCode.values());
        model.addAttribute("threeChecksAsked", threeChecksAsked(policy));
        var dayStart = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        model.addAttribute("counts", queries.countsSince(entrance.estateId(), entrance.id(), dayStart));
        model.addAttribute("members", form.grouped() ? queries.group(form.groupId(), me) : List.of());
        model.addAttribute("natWindow", Duration.ofHours(policy.parameters().natWindowHours()));
    }

    /** The gate shows "三核查" where the policy asks any of the three of any category. */
    private static boolean threeChecksAsked(PolicyVersion policy) {
        return Arrays.stream(EntrantCategory.values())
                .anyMatch(c -> policy.parameters().required(c).stream().anyMatch(CheckKind::threeChecks));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String label(String path) {
        String key = "gate.field." + path.replace('.', '_');
        return messages.getMessage(key, null, path, LocaleContextHolder.getLocale());
    }
}
