package com.estateguard.access.internal;

import com.estateguard.access.CheckpointPermission;
import com.estateguard.access.Direction;
import com.estateguard.access.GuardShifts;
import com.estateguard.access.MovementRestrictions;
import com.estateguard.access.PassCheck;
import com.estateguard.access.ShiftId;
import com.estateguard.access.internal.CheckOutcome.ReasonView;
import com.estateguard.access.internal.Evidence.CodeAcquisition;
import com.estateguard.access.internal.Evidence.CredentialEvidence;
import com.estateguard.access.internal.Evidence.HealthCodeEvidence;
import com.estateguard.access.internal.Evidence.NatEvidence;
import com.estateguard.access.internal.rules.EntryContext;
import com.estateguard.access.internal.rules.EntryDecision;
import com.estateguard.access.internal.rules.EntryRules;
import com.estateguard.access.internal.visitors.VisitorRegister;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Role;
import com.estateguard.healthdata.CodeWithNat;
import com.estateguard.healthdata.HealthCodeResult;
import com.estateguard.healthdata.HealthRegisters;
import com.estateguard.healthdata.HealthSources;
import com.estateguard.healthdata.NatRecord;
import com.estateguard.healthdata.PersonKeys;
import com.estateguard.identity.UserId;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersion;
import com.estateguard.policy.ReasonCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one checkpoint check (卡口查验): resolves the evidence through the health sources,
 * decides by the policy in force, stores the record once per client id and opens the follow-ups
 * the policy names for a refusal.
 */
@Service
public class CheckRecorder {

    private static final Duration MAX_BACKDATE = Duration.ofHours(24);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final OrgDirectory org;
    private final Policies policies;
    private final HealthSources health;
    private final PersonKeys personKeys;
    private final GuardShifts roster;
    private final CheckRepository checks;
    private final StoredChecks stored;
    private final CheckCommits commits;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final HealthRegisters registers;
    private final PassCheck passes;
    private final VisitorRegister visitors;
    private final MovementRestrictions restrictions;
    private final Clock clock;
    private final ZoneId zone;

    CheckRecorder(OrgDirectory org, Policies policies, HealthSources health, PersonKeys personKeys, GuardShifts roster,
                  CheckRepository checks, StoredChecks stored, ApplicationEventPublisher events, HealthRegisters registers, PassCheck passes,
                  VisitorRegister visitors, MovementRestrictions restrictions, Clock clock, ZoneId zone, CheckCommits commits,
                  PlatformTransactionManager transactions) {
        this.commits = commits;
        this.tx = new TransactionTemplate(transactions);
        this.passes = passes;
        this.restrictions = restrictions;
        this.visitors = visitors;
        this.org = org;
        this.policies = policies;
        this.health = health;
        this.personKeys = personKeys;
        this.roster = roster;
        this.checks = checks;
        this.stored = stored;
        this.events = events;
        this.registers = registers;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Stores a check once per client id. The insert comes first (no read before it): when it stores nothing, the
     * check is a retry and is answered with what was stored. A retry that would not pass validation any more (its
     * time now out of the window, its shift ended) is still a retry: when validation fails, the stored check is
     * looked for, and only a new check gets the validation error.
     *
     * <p>Outside a transaction (the API's and the gate page's single check) and with
     * {@code estateguard.gate.coalesce.enabled}, the decision's reads run on their own (no transaction: each read is
     * its own, as under READ COMMITTED anyway) and the write goes with the next batch of concurrent checks
     * ({@link CheckCommits}): one insert and one commit for the batch, this check answered once it committed. Inside a
     * caller's transaction (a group, an offline sync) and for a correction, everything runs in that transaction as
     * before.
     */
    public CheckOutcome record(EntryCheckCommand command, CurrentUser user) {
        if (!user.can(CheckpointPermission.CHECK_RECORD)) {
            throw new NotPermittedException();
        }
        if (commits.enabled() && command.correctsCheckId() == null && !TransactionSynchronizationManager.isActualTransactionActive()) {
            return recordCoalesced(command, user);
        }
        return tx.execute(status -> recordInTransaction(command, user, status));
    }

    private CheckOutcome recordInTransaction(EntryCheckCommand command, CurrentUser user, TransactionStatus status) {
        Decided d;
        try {
            d = decide(command, user);
        } catch (DomainException e) {
            if (status.isRollbackOnly()) {
                throw e;   // thrown through another transactional bean: this transaction can only roll back
            }
            return stored.visible(command.clientId(), user.scopePath()).map(CheckRecorder::replay).orElseThrow(() -> e);
        }
        var row = newCheck(command, user, d);
        var id = checks.insert(row);
        id.flatMap(i -> CheckCommits.refused(row, i)).ifPresent(events::publishEvent);
        return outcome(command, user, d, id);
    }

    private CheckOutcome recordCoalesced(EntryCheckCommand command, CurrentUser user) {
        Decided d;
        try {
            d = decide(command, user);
        } catch (DomainException e) {
            return stored.visible(command.clientId(), user.scopePath()).map(CheckRecorder::replay).orElseThrow(() -> e);
        }
        var row = newCheck(command, user, d);
        return outcome(command, user, d, commits.write(row));
    }

    private static CheckRepository.NewCheck newCheck(EntryCheckCommand command, CurrentUser user, Decided d) {
        EntranceRef entrance = d.entrance();
        Person person = d.person();
        return new CheckRepository.NewCheck(command.clientId(), entrance.estateId(), entrance.id(), d.shiftId(),
                user.role() == Role.DEVICE ? user.id() : null, d.at(), command.direction(), command.category(),
                person.name(), person.key(), person.idMasked(), command.groupId(),
                command.vehicle() == null ? null : command.vehicle().plate().trim().toUpperCase(), person.evidence(), d.decision(),
                d.policy().id(), d.corrects(), user.actor());
    }

    /** The answer: the new check, or (nothing stored) the one stored under its client id that the sender can see. */
    private CheckOutcome outcome(EntryCheckCommand command, CurrentUser user, Decided d, java.util.Optional<Long> id) {
        if (id.isEmpty()) {
            // Stored already in this estate (a retry, or another request with the same client id won the race).
            return replay(stored.visible(command.clientId(), user.scopePath()).orElseThrow(ClientIdTaken::new));
        }
        EntryDecision decision = d.decision();
        Person person = d.person();
        return new CheckOutcome(id.get(), command.clientId(), decision.verdict(),
                decision.reasons().stream().map(ReasonView::of).toList(), d.policy().id(),
                person.name(), person.idMasked(), person.evidence(), d.at(), false);
    }

    /** What a new check resolves to before it is stored. */
    private record Decided(Instant at, EntranceRef entrance, Long shiftId, PolicyVersion policy, Person person,
                           Long corrects, EntryDecision decision) {
    }

    private Decided decide(EntryCheckCommand command, CurrentUser user) {
        Instant now = clock.instant();
        Instant at = occurredAt(command, now);
        EntranceRef entrance = entranceFor(command, user);
        Long shiftId = shiftFor(user, entrance, at);
        PolicyVersion policy = policies.inForce(entrance.estateRegionPath(), at);
        Person person = withPass(identify(command, user), entrance, at);
        Evidence evidence = person.evidence();
        Long corrects = correctionTarget(command, entrance, user);

        var visit = expectedVisit(command, person, entrance, at);
        String exception = visit.map(VisitorRegister.ExpectedVisit::exception).orElse(command.outsiderException());
        EntryDecision decision = EntryRules.decide(new EntryContext(command.category(), command.direction(), evidence,
                command.vehicle(), policy.parameters(), entrance.open(), at, at.atZone(zone).toLocalTime(),
                command.emergency(), exception, visit.isPresent(), person.passFailure(),
                inNatRegister(command.category(), person, policy), residentResolved(command, person, entrance, user),
                restrictionsOn(command, person, entrance, at)));
        return new Decided(at, entrance, shiftId, policy, person, corrects, decision);
    }

    /** A group or a vehicle: each person is decided and recorded on their own, all or nothing. */
    @Transactional
    public List<CheckOutcome> recordGroup(List<EntryCheckCommand> members, CurrentUser user) {
        return members.stream().map(m -> record(m, user)).toList();
    }

    private static CheckOutcome replay(CheckRow row) {
        return new CheckOutcome(row.id(), row.clientId(), row.decision(), row.reasons(), row.policyVersionId(),
                row.personName(), row.idMasked(), row.evidence(), row.occurredAt(), true);
    }

    private Instant occurredAt(EntryCheckCommand command, Instant now) {
        Instant at = command.occurredAt() == null ? now : command.occurredAt();
        if (at.isAfter(now.plus(MAX_CLOCK_SKEW)) || at.isBefore(now.minus(MAX_BACKDATE))) {
            throw new InvalidInputException("error.check.occurredAt");
        }
        return at;
    }

    private EntranceRef entranceFor(EntryCheckCommand command, CurrentUser user) {
        Long entranceId = command.entranceId() != null ? command.entranceId() : user.entranceId();
        if (entranceId == null) {
            throw new InvalidInputException("error.check.entranceRequired");
        }
        if (user.role() == Role.DEVICE && !entranceId.equals(user.entranceId())) {
            throw new NotPermittedException();
        }
        return org.entrance(new EntranceId(entranceId), user.scopePath()).orElseThrow(() -> new NotFoundException("entrance", entranceId));
    }

    private Long shiftFor(CurrentUser user, EntranceRef entrance, Instant at) {
        if (user.role() == Role.DEVICE) {
            return null;
        }
        return roster.onDuty(new UserId(user.id()), new EntranceId(entrance.id()), at).map(ShiftId::value)
                .orElseThrow(() -> new NotOnShift(entrance.name()));
    }

    private Long correctionTarget(EntryCheckCommand command, EntranceRef entrance, CurrentUser user) {
        if (command.correctsCheckId() == null) {
            return null;
        }
        CheckRow old = checks.byId(command.correctsCheckId(), user.scopePath())
                .orElseThrow(() -> new NotFoundException("check", command.correctsCheckId()));
        if (old.estateId() != entrance.estateId()) {
            throw new InvalidInputException("error.check.correctionEstate");
        }
        return old.id();
    }

    /** @param passFailure why the scanned resident pass failed verification, null if it passed or none was scanned */
    private record Person(String name, String key, String idMasked, Evidence evidence, PassCheck.Failure passFailure) {
    }

    /** Who this is and what the sources say about them; a scanned code is resolved, never taken on trust. */
    private Person identify(EntryCheckCommand command, CurrentUser user) {
        Evidence evidence = command.evidence();
        String name = blankToNull(command.personName());
        String key = null;
        String masked = null;
        if (command.idNumber() != null) {
            if (!IdNumber.valid(command.idNumber())) {
                throw new InvalidInputException("error.idNumber.invalid");
            }
            key = personKeys.keyOf(command.idNumber());
            masked = IdNumber.mask(command.idNumber());
        }
        String scanned = blankToNull(command.scannedCode());
        NatRecord scannedPersonsNat = null;
        String scannedPersonsKey = null;
        if (scanned != null) {
            HealthCodeResult code;
            if (evidence.nat() == null) {
                // The code and the person's newest NAT in one look-up (the gate's usual case).
                CodeWithNat hit = health.healthCodeWithNat(scanned)
                        .orElseThrow(() -> new InvalidInputException("error.code.unknown"));
                code = hit.code();
                scannedPersonsNat = hit.nat();
                scannedPersonsKey = code.personKey();
            } else {
                code = health.healthCode(scanned).orElseThrow(() -> new InvalidInputException("error.code.unknown"));
            }
            evidence = evidence.withHealthCode(new HealthCodeEvidence(code.status(), acquisitionOf(command.codeInput(), user),
                    code.source(), code.demo(), command.codeInput(), null));
            key = key == null ? code.personKey() : key;
            masked = masked == null ? code.idMasked() : masked;
            name = name == null ? code.personName() : name;
        } else if (evidence.healthCode() != null) {
            evidence = evidence.withHealthCode(clientReportedCode(evidence.healthCode(), user));
        }
        if (evidence.nat() != null) {
            var n = evidence.nat();
            if (n.sampledAt().isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
                throw new InvalidInputException("error.nat.future");
            }
            evidence = evidence.withNat(new NatEvidence(n.sampledAt(), n.result(), sourceOf(n.source(), user), false,
                    voucher(user)));
        } else if (key != null) {
            var nat = key.equals(scannedPersonsKey) ? java.util.Optional.ofNullable(scannedPersonsNat) : health.latestNat(key);
            evidence = nat.map(n -> new NatEvidence(n.sampledAt(), n.result(), n.source(), n.demo()))
                    .map(evidence::withNat).orElse(evidence);
        }
        return new Person(name, key, masked, evidence, null);
    }

    /** A visitor the resident registered ahead for today (ACC-11), found by their keyed ID. */
    private java.util.Optional<VisitorRegister.ExpectedVisit> expectedVisit(EntryCheckCommand command, Person person,
                                                                           EntranceRef entrance, Instant at) {
        if (command.category() != com.estateguard.policy.EntrantCategory.VISITOR || person.key() == null) {
            return java.util.Optional.empty();
        }
        return visitors.expected(entrance.estateId(), person.key(), at.atZone(zone).toLocalDate());
    }

    /**
     * A scanned resident pass is verified here, never taken on trust: signature, revocation, expiry
     * and estate. The result replaces whatever the client said about the credential, and its typed
     * failure goes to the rules.
     */
    private Person withPass(Person person, EntranceRef entrance, Instant at) {
        var cred = person.evidence().credential();
        // Anything offered as a pass is verified here, token or not: a device's "verified" never stands for a pass.
        if (cred == null || (!PassCheck.looksLikePass(cred.reference()) && cred.type() != Evidence.CredentialType.PASS)) {
            return person;
        }
        var check = passes.verify(cred.reference(), new EstateId(entrance.estateId()), at);
        var verified = new CredentialEvidence(Evidence.CredentialType.PASS, check.reference(), check.valid(),
                check.valid() && check.accessControl());
        boolean useHolder = check.valid() && person.key() == null;
        return new Person(person.name() == null && check.valid() ? check.personName() : person.name(),
                useHolder ? check.personKey() : person.key(), useHolder ? check.idMasked() : person.idMasked(),
                person.evidence().withCredential(verified), check.failure());
    }

    /**
     * A person at a phone can only report a code they were shown; only terminals report scans themselves.
     * The server cannot check such a status, so it is stored as the claim of the device (or person) who sent it.
     */
    private static HealthCodeEvidence clientReportedCode(HealthCodeEvidence code, CurrentUser user) {
        if (user.role() != Role.DEVICE && code.acquisition() == CodeAcquisition.SCANNED) {
            throw new InvalidInputException("error.code.scanNeedsPayload");
        }
        return new HealthCodeEvidence(code.status(), code.acquisition(), sourceOf(code.source(), user), false,
                null, voucher(user));
    }

    /**
     * On the gate page only a scanner's burst or the camera is a scan: anything else was typed. A
     * terminal authenticated by its device key reads codes itself, so its reading counts as a scan
     * unless it says the code was typed.
     */
    private static CodeAcquisition acquisitionOf(Evidence.CodeInput input, CurrentUser user) {
        if (input == null) {
            return user.role() == Role.DEVICE ? CodeAcquisition.SCANNED : CodeAcquisition.TYPED;
        }
        return input == Evidence.CodeInput.TYPED ? CodeAcquisition.TYPED : CodeAcquisition.SCANNED;
    }

    private static Evidence.Voucher voucher(CurrentUser user) {
        return new Evidence.Voucher(user.actor(), user.displayName());
    }

    private static String sourceOf(String claimed, CurrentUser user) {
        String who = user.role() == Role.DEVICE ? "TERMINAL" : "GUARD";
        return claimed == null || claimed.isBlank() ? who : who + ":" + claimed.trim();
    }

    /** EMG-06, EMG-13: asked for everyone the gate identified; the unidentified cannot be matched to anyone. */
    private List<MovementRestrictions.Finding> restrictionsOn(EntryCheckCommand command, Person person, EntranceRef entrance,
                                                              Instant at) {
        if (person.key() == null) {
            return List.of();
        }
        // A NAT only the demo source knows is no ground for anything (issue 8): the port is not shown it.
        var nat = person.evidence().nat() == null || person.evidence().nat().demo() ? null : person.evidence().nat();
        return restrictions.restrictionsOn(new MovementRestrictions.Passage(new EstateId(entrance.estateId()), person.key(),
                command.direction(), at, nat == null ? null : nat.sampledAt(), nat == null ? null : nat.result()));
    }

    /** Looked up only when the policy asks for it for this entrant, so the gate's hot path stays as it was. */
    private Boolean inNatRegister(EntrantCategory category, Person person, PolicyVersion policy) {
        boolean required = policy.parameters().group(NatRegisterParameters.class).requires(category);
        if (!required) {
            return null;
        }
        return person.key() != null && registers.registered(HealthRegisters.Kind.NAT, person.key());
    }

    /**
     * ACC-04: a resident or tenant entering resolves to the register through a valid pass, through the
     * access-control system (a terminal of it reporting a card it verified: stored as that device's
     * claim; a guard's tick is not such a system), or as the identified person (scanned code, ID number
     * read, pass) of this estate's residents register. Other entrants and leaving: not asked.
     */
    private Boolean residentResolved(EntryCheckCommand command, Person person, EntranceRef entrance, CurrentUser user) {
        boolean resident = command.category() == EntrantCategory.RESIDENT || command.category() == EntrantCategory.TENANT;
        if (!resident || command.direction() != Direction.IN) {
            return null;
        }
        var credential = person.evidence().credential();
        if (credential != null && credential.type() == Evidence.CredentialType.PASS && credential.verified()) {
            return true;
        }
        if (credential != null && credential.accessControl() && credential.verified() && user.role() == Role.DEVICE) {
            return true;
        }
        return person.key() != null && passes.registered(new EstateId(entrance.estateId()), person.key());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
