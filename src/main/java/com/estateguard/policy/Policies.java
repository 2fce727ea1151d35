package com.estateguard.policy;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.policy.internal.PolicyGroups;
import com.estateguard.policy.internal.PolicyRepository;
import com.estateguard.policy.internal.VersionSchedule;
import com.estateguard.policy.internal.VersionSchedules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The policy in force for an estate at a moment. The most specific scope wins (estate over
 * district over city); within a scope, the latest version already in effect. Versions are read
 * into memory and re-read when one is written here or after {@code refresh}, so a scheduled
 * version takes effect at its time without a restart and the gate's hot path stays in memory.
 * With more than one node, a version written, withdrawn or ended on another node is seen within
 * {@code change-check} (two seconds by default): at most that often a node reads a change stamp of
 * the versions (one small query) and re-reads them when it differs from the one it holds.
 */
@Service
public class Policies {

    private static final Comparator<PolicyVersion> MOST_SPECIFIC_THEN_LATEST =
            Comparator.comparingInt((PolicyVersion v) -> v.scopePath().length())
                    .thenComparing(PolicyVersion::effectiveFrom).thenComparingLong(PolicyVersion::id);

    private final PolicyRepository repository;
    private final VersionSchedules schedules;
    private final PolicyGroups groups;
    private final Clock clock;
    private final Validator validator;
    private final Duration refresh;
    private final long changeCheckNanos;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN, "");
    private final java.util.concurrent.atomic.AtomicLong reloadsStarted = new java.util.concurrent.atomic.AtomicLong();
    private long assignedGeneration;   // guarded by reloadsStarted
    private volatile long nextChangeCheck = System.nanoTime();

    Policies(PolicyRepository repository, VersionSchedules schedules, PolicyGroups groups, Clock clock, Validator validator,
             @Value("${estateguard.policy.refresh:PT30S}") Duration refresh,
             @Value("${estateguard.policy.change-check:PT2S}") Duration changeCheck) {
        this.repository = repository;
        this.schedules = schedules;
        this.groups = groups;
        this.clock = clock;
        this.validator = validator;
        this.refresh = refresh;
        this.changeCheckNanos = changeCheck.toNanos();
    }

    /** The versions as read at {@code readAt}, under the change stamp read just before them. */
    private record Snapshot(List<PolicyVersion> versions, Instant readAt, String stamp) {
    }

    /** The version in force for an estate (by its region path) at the given time. */
    public PolicyVersion inForce(String estateRegionPath, Instant at) {
        return versions().stream()
                .filter(v -> v.covers(estateRegionPath) && v.inForceAt(at))
                .max(MOST_SPECIFIC_THEN_LATEST)
                .orElseThrow(() -> new NoPolicyException(estateRegionPath));
    }

    /**
     * The versions in force at a moment whose scope lies strictly inside a region's (a district's or an estate's
     * override under a city): with {@link #inForce} of the region itself, every version that decides for some estate
     * below it. A view over thousands of estates can see from these whether they all share one version's numbers.
     */
    public List<PolicyVersion> inForceInside(String regionPath, Instant at) {
        return versions().stream()
                .filter(v -> v.scopePath().startsWith(regionPath) && !v.scopePath().equals(regionPath) && v.inForceAt(at))
                .toList();
    }

    public PolicyVersion byId(PolicyVersionId version) {
        long id = version.value();
        return versions().stream().filter(v -> v.id() == id).findFirst()
                .or(() -> repository.byId(id)).orElseThrow(() -> new NotFoundException("policy", id));
    }

    /** A preset's numbers: its checkpoint numbers and every module's group as that preset seeds it. */
    public PolicyParameters preset(PolicyPreset preset) {
        return groups.complete(preset.parameters(), preset.name());
    }

    /** Versions whose scope a user can see: those covering their scope and those inside it. */
    public List<PolicyVersion> visibleTo(CurrentUser user) {
        String scope = user.scopePath();
        return versions().stream()
                .filter(v -> scope.startsWith(v.scopePath()) || v.scopePath().startsWith(scope))
                .sorted(MOST_SPECIFIC_THEN_LATEST.reversed()).toList();
    }

    /** Writes a new version; the author may only write inside their own region scope. */
    @Transactional
    public long schedule(NewVersion draft, CurrentUser author) {
        if (!author.can(PolicyPermission.POLICY_WRITE) || !draft.scopePath().startsWith(author.scopePath())) {
            throw new NotPermittedException();
        }
        PolicyParameters parameters = groups.complete(draft.parameters(), draft.presetCode());
        Set<ConstraintViolation<PolicyParameters>> violations = validator.validate(parameters);
        if (!violations.isEmpty()) {
            ConstraintViolation<PolicyParameters> first = violations.iterator().next();
            throw new InvalidInputException("error.policy.invalid", label(first.getPropertyPath()), first.getMessage());
        }
        if (draft.effectiveFrom().isBefore(clock.instant().minus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("error.policy.past");
        }
        long id = repository.insert(draft.name(), draft.scopePath(), draft.scopeLabel(), draft.effectiveFrom(),
                parameters, draft.basedOnId(), draft.presetCode(), author.actor());
        reloadAndAgainIfRolledBack();
        return id;
    }

    /** Seeds and migrations write versions without a person; effective time may be in the past. */
    @Transactional
    public long install(NewVersion draft, String actor) {
        long id = repository.insert(draft.name(), draft.scopePath(), draft.scopeLabel(), draft.effectiveFrom(),
                groups.complete(draft.parameters(), draft.presetCode()), draft.basedOnId(), draft.presetCode(), actor);
        reloadAndAgainIfRolledBack();
        return id;
    }

    /** A scheduled version can be withdrawn before it takes effect; one in force never changes. */
    @Transactional
    public void withdraw(PolicyVersionId id, CurrentUser author) {
        PolicyVersion version = byId(id);
        if (!author.can(PolicyPermission.POLICY_WRITE) || !version.scopePath().startsWith(author.scopePath())) {
            throw new NotPermittedException();
        }
        VersionSchedule schedule = schedules.findById(id.value()).orElseThrow(() -> new NotFoundException("policy", id.value()));
        schedule.withdraw(clock.instant(), author.actor());
        try {
            schedules.save(schedule);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("policy", id.value());
        }
        reloadAndAgainIfRolledBack();
    }

    /**
     * Ends a version in force from this moment on (a lockdown lifted, EMG-05): the version below it
     * in its scope, or the broader scope's, applies again at once; checks decided under the ended
     * version keep it. The caller decides who may (the emergency module: the estate's emergency group).
     *
     * @param at when it stops applying: now, or a moment already past (an event handled late), never later
     */
    @Transactional
    public void end(PolicyVersionId id, Instant at, String actor) {
        VersionSchedule schedule = schedules.findById(id.value()).orElseThrow(() -> new NotFoundException("policy", id.value()));
        Instant now = clock.instant();
        schedule.end(at.isAfter(now) ? now : at, actor);
        try {
            schedules.save(schedule);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("policy", id.value());
        }
        reloadAndAgainIfRolledBack();
    }

    /**
     * The snapshot is read inside the writing transaction, so it holds the new row at once, and read
     * again when the transaction ends: after the commit (a concurrent reload may have read the database
     * without the row meanwhile) and after a rollback (a lockdown refused after its version was written:
     * the gate never decides by a version that does not exist).
     */
    private void reloadAndAgainIfRolledBack() {
        reload();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    // Committed: read again, so a reload by another thread between the write and the commit (which
                    // saw the database without the new row) does not leave this node without it until the next
                    // change check. Rolled back: read again, so no node decides by a version that does not exist.
                    reload();
                }
            });
        }
    }

    /**
     * The label of an invalid value, shown in the user's language: {@code param.natWindowHours} for a
     * checkpoint number, {@code param.hygiene.chlorineMinMgL} for a number in the group "hygiene"
     * (whose path reads {@code groups[hygiene].chlorineMinMgL}).
     */
    private static MessageSourceResolvable label(Path path) {
        StringJoiner key = new StringJoiner(".");
        for (Path.Node node : path) {
            if (node.getKey() != null) {
                key.add(node.getKey().toString());
            }
            if (node.getName() != null && !"groups".equals(node.getName()) && node.getKind() == ElementKind.PROPERTY) {
                key.add(node.getName());
            }
        }
        return new DefaultMessageSourceResolvable(new String[]{"param." + key}, key.toString());
    }

    /**
     * Reads the versions afresh. Reloads can overlap (a writer's, a gate check's change check): one that started
     * earlier may have read the database before another's commit, so it never replaces a snapshot assigned by a
     * reload that started after it.
     */
    public void reload() {
        long generation = reloadsStarted.incrementAndGet();
        String stamp = repository.changeStamp();
        Snapshot fresh = new Snapshot(repository.all(), clock.instant(), stamp);
        synchronized (reloadsStarted) {
            if (generation > assignedGeneration) {
                snapshot = fresh;
                assignedGeneration = generation;
            }
        }
        nextChangeCheck = System.nanoTime() + changeCheckNanos;
    }

    private List<PolicyVersion> versions() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        // A clock set back (a correction, or a test) must not keep a snapshot for longer than the refresh.
        if (s.readAt().plus(refresh).isBefore(now) || s.readAt().isAfter(now)) {
            reload();
            s = snapshot;
        } else if (System.nanoTime() - nextChangeCheck >= 0) {
            nextChangeCheck = System.nanoTime() + changeCheckNanos;
            if (!repository.changeStamp().equals(s.stamp())) {
                reload();
                s = snapshot;
            }
        }
        return s.versions();
    }

    public record NewVersion(String name, String scopePath, String scopeLabel, Instant effectiveFrom,
                             PolicyParameters parameters, Long basedOnId, String presetCode) {
    }
}
