package com.estateguard.access.internal.web;

import com.estateguard.access.GuardShifts;
import com.estateguard.access.PassCheck;
import com.estateguard.access.Verdict;
import com.estateguard.access.internal.CheckOutcome;
import com.estateguard.access.internal.EntryCheckCommand;
import com.estateguard.access.internal.NotOnShift;
import com.estateguard.access.internal.OfflineChecks;
import com.estateguard.access.internal.visitors.VisitorRegister;
import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.common.NotFoundException;
import com.estateguard.identity.UserId;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.NoPolicyException;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyParameters;
import com.estateguard.policy.PolicyVersion;
import com.estateguard.policy.ReasonCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The offline gate (issue 11): what the gate page keeps on the device to decide checks with no
 * network (the policy in force and the next one, the pass-verification keys and revocations, the
 * day's expected visitors), and where its queue sends the checks when the network is back.
 */
@RestController
@PreAuthorize("hasAuthority('CHECK_RECORD')")
class OfflineGateController {

    private final GuardShifts roster;
    private final OrgDirectory org;
    private final Policies policies;
    private final PassCheck passes;
    private final VisitorRegister visitors;
    private final OfflineChecks offline;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;
    private final AuditTrail audit;

    OfflineGateController(GuardShifts roster, OrgDirectory org, Policies policies, PassCheck passes, VisitorRegister visitors,
                          OfflineChecks offline, Validator validator, MessageSource messages, Clock clock, ZoneId zone,
                          AuditTrail audit) {
        this.audit = audit;
        this.roster = roster;
        this.org = org;
        this.policies = policies;
        this.passes = passes;
        this.visitors = visitors;
        this.offline = offline;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** A policy version as the device keeps it: in force from {@code effectiveFrom} until {@code effectiveTo} (null: open). */
    record DevicePolicy(long id, String name, Instant effectiveFrom, Instant effectiveTo, PolicyParameters parameters) {
    }

    record Bundle(Instant generatedAt, String zone, long shiftId, Instant shiftEndsAt, long estateId, long entranceId,
                  String entranceName, boolean entranceOpen, DevicePolicy policy, DevicePolicy next,
                  long firstPassKeyId, Map<Long, String> passKeys, List<Long> revokedPasses,
                  List<VisitorRegister.ExpectedVisitor> expectedVisitors, Map<String, String> reasonTexts,
                  String csrfHeader, String csrfToken) {
    }

    @GetMapping("/gate/offline-bundle.json")
    ResponseEntity<Bundle> bundle(@RequestParam long shift, CsrfToken csrf) {
        CurrentUser me = CurrentUser.require();
        Instant now = clock.instant();
        GuardShifts.GuardShift current = roster.currentFor(new UserId(me.id()), now).stream()
                .filter(s -> s.id().value() == shift).findFirst().orElseThrow(() -> new NotOnShift("#" + shift));
        EntranceRef entrance = org.entrance(current.entranceId(), me.scopePath())
                .orElseThrow(() -> new NotFoundException("entrance", current.entranceId().value()));
        PolicyVersion inForce = policies.inForce(entrance.estateRegionPath(), now);
        PolicyVersion next = nextVersion(entrance.estateRegionPath(), inForce, now, me);
        Instant nextFrom = next == null ? inForce.endedAt() : nextFrom(entrance.estateRegionPath(), inForce, now, me);
        var keys = passes.offlineVerification(new EstateId(entrance.estateId()), now);
        Map<String, String> texts = new LinkedHashMap<>();
        for (ReasonCode code : ReasonCode.values()) {
            texts.put(code.name(), messages.getMessage("reason." + code.name(), null, code.name(), LocaleContextHolder.getLocale()));
        }
        var expected = visitors.expectedOn(entrance.estateId(), LocalDate.ofInstant(now, zone));
        if (!expected.isEmpty()) {
            // Personal data leaves for the device (names, masked ID numbers): the audit trail says who took it (PIPL).
            audit.record(AuditEntry.by(me, AuditAction.EXPORT, "离线数据包 " + entrance.estateName() + " · " + entrance.name()
                    + "：今日预约访客 " + expected.size() + " 人（证件号脱敏）"));
        }
        var bundle = new Bundle(now, zone.getId(), shift, current.endsAt(), entrance.estateId(), entrance.id(), entrance.name(),
                entrance.open(), new DevicePolicy(inForce.id(), inForce.name(), inForce.effectiveFrom(), nextFrom, inForce.parameters()),
                next == null ? null : new DevicePolicy(next.id(), next.name(), nextFrom, null, next.parameters()),
                keys.firstKeyId(), keys.publicKeys(), keys.revokedPassIds(),
                expected, texts,
                // The queue posts with it: a page opened offline from the cache may carry an older one.
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(bundle);
    }

    /** The moments the version in force may change: a scheduled version takes effect, or this one ends. */
    private List<Instant> changes(String regionPath, PolicyVersion inForce, Instant now, CurrentUser me) {
        List<Instant> at = new ArrayList<>(policies.visibleTo(me).stream()
                .filter(v -> v.scheduled(now) && regionPath.startsWith(v.scopePath())).map(PolicyVersion::effectiveFrom).toList());
        if (inForce.endedAt() != null && inForce.endedAt().isAfter(now)) {
            at.add(inForce.endedAt());
        }
        return at.stream().sorted().distinct().toList();
    }

    private PolicyVersion nextVersion(String regionPath, PolicyVersion inForce, Instant now, CurrentUser me) {
        for (Instant t : changes(regionPath, inForce, now, me)) {
            try {
                PolicyVersion then = policies.inForce(regionPath, t);
                if (then.id() != inForce.id()) {
                    return then;
                }
            } catch (NoPolicyException e) {
                return null;
            }
        }
        return null;
    }

    private Instant nextFrom(String regionPath, PolicyVersion inForce, Instant now, CurrentUser me) {
        for (Instant t : changes(regionPath, inForce, now, me)) {
            try {
                if (policies.inForce(regionPath, t).id() != inForce.id()) {
                    return t;
                }
            } catch (NoPolicyException e) {
                return t;
            }
        }
        return null;
    }

    /** What the server answers a synced check: its own decision, and whether the device's differs. */
    record SyncAnswer(long checkId, String verdict, List<CheckOutcome.ReasonView> reasons, String personName,
                      boolean replayed, String deviceVerdict, boolean disagrees) {
    }

    /** A check the server would not store, with the reason shown to the guard until they have seen it. */
    record SyncRefusal(String refused) {
    }

    /**
     * One queued check, as the gate form posts it plus when it happened and what the device decided.
     * Stored once per client id; a check from a shift that has since ended is accepted (the guard was
     * on it when the check happened).
     */
    @PostMapping("/gate/sync")
    ResponseEntity<?> sync(@ModelAttribute GateForm form, @RequestParam String occurredAt, @RequestParam String deviceVerdict,
                           @RequestParam(required = false) String deviceReasons,
                           @RequestParam(required = false) String unverified) {
        CurrentUser me = CurrentUser.require();
        try {
            Instant at = parseInstant(occurredAt);
            GuardShifts.GuardShift shift = roster.currentFor(new UserId(me.id()), at).stream()
                    .filter(s -> form.shiftId() != null && s.id().value() == form.shiftId()).findFirst()
                    .orElseThrow(() -> new NotOnShift("#" + form.shiftId()));
            EntryCheckCommand command = form.toCommand(shift.entranceId().value(), zone, at);
            Set<ConstraintViolation<EntryCheckCommand>> violations = validator.validate(command);
            if (!violations.isEmpty()) {
                return ResponseEntity.unprocessableContent().body(new SyncRefusal(violations.stream()
                        .map(v -> v.getPropertyPath() + "：" + v.getMessage()).reduce((a, b) -> a + "；" + b).orElse("")));
            }
            var device = new OfflineChecks.DeviceDecision(Verdict.valueOf(deviceVerdict), codes(deviceReasons), list(unverified), at);
            var synced = offline.sync(command, device, me);
            CheckOutcome outcome = synced.outcome();
            return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(new SyncAnswer(outcome.checkId(), outcome.verdict().name(), outcome.reasons(), outcome.personName(),
                            outcome.replayed(), deviceVerdict, synced.disagrees()));
        } catch (DomainException e) {
            return ResponseEntity.unprocessableContent().body(new SyncRefusal(
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale())));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return ResponseEntity.unprocessableContent().body(new SyncRefusal(
                    messages.getMessage("error.offline.deviceDecision", null, "error.offline.deviceDecision",
                            LocaleContextHolder.getLocale())));
        }
    }

    private static Instant parseInstant(String text) {
        return Instant.parse(text.trim());
    }

    private static List<ReasonCode> codes(String csv) {
        return list(csv).stream().map(ReasonCode::valueOf).toList();
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).filter(Objects::nonNull).toList();
    }
}
