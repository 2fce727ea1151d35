package com.estateguard.emergency.internal.lockdown;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotPermittedException;
import com.estateguard.emergency.EmergencyPermission;
import com.estateguard.emergency.IncidentEnded;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentLogKinds;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyVersionId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locking an estate down in an incident and lifting it (封闭小区, EMG-05, ACC-15): one action puts
 * the chosen emergency policy version in force for that estate at that minute and logs it in the
 * incident; lifting ends that version at that minute, so the normal policy applies again, by hand
 * or when the incident ends. A drill's lockdown is logged in the drill only: the gate never sees it.
 */
@Service
public class Lockdowns {

    static final String INCIDENT_END_ACTOR = "system:incident-ended";

    private final Incidents incidents;
    private final LockdownRepository lockdowns;
    private final LockdownSources sources;
    private final MovementRecords records;
    private final Policies policies;
    private final OrgDirectory org;
    private final Clock clock;

    Lockdowns(Incidents incidents, LockdownRepository lockdowns, LockdownSources sources, MovementRecords records,
              Policies policies, OrgDirectory org, Clock clock) {
        this.incidents = incidents;
        this.lockdowns = lockdowns;
        this.sources = sources;
        this.records = records;
        this.policies = policies;
        this.org = org;
        this.clock = clock;
    }

    /** An emergency policy a lockdown may put in force, as the page offers it. */
    public record Option(String value, String label) {
    }

    public List<Option> sources(CurrentUser user) {
        return sources.available(user).stream().map(s -> new Option(s.value(), s.label())).toList();
    }

    /** The lockdown in force in the incident, if any, and every earlier one, newest first. */
    public List<Lockdown> history(IncidentId id, CurrentUser user) {
        incidents.get(id, user);
        return lockdowns.ofIncident(id.value());
    }

    public Optional<Lockdown> inForce(IncidentId id) {
        return lockdowns.inForceFor(id.value());
    }

    /** Locks the incident's estate down under the chosen emergency policy (a preset or a version the user sees). */
    @Transactional
    public Lockdown lockDown(IncidentId id, String source, CurrentUser user) {
        IncidentSummary incident = runnable(id, user);
        if (lockdowns.inForceFor(id.value()).isPresent()) {
            throw new EstateAlreadyLockedDown(incident.estateName());
        }
        Instant now = clock.instant();
        if (incident.drill()) {
            Lockdown drill = insert(Lockdown.drill(id, incident.estate().value(), now, user.actor()), incident);
            incidents.log(id, IncidentLogKinds.LOCKDOWN_STARTED, "演练：门岗政策不变 / drill: the gate policy is unchanged", user.actor());
            return drill;
        }
        if (lockdowns.realInForceAt(incident.estate().value()).isPresent()) {
            throw new EstateAlreadyLockedDown(incident.estateName());
        }
        EstateRef estate = org.estateInScope(incident.estate(), user);
        var chosen = sources.resolve(source, user);
        long version = policies.install(new Policies.NewVersion("封闭管理 " + estate.name() + " · 事件 #" + id,
                estate.regionPath(), estate.name(), now, chosen.parameters(), chosen.basedOnId(), chosen.presetCode()),
                user.actor());
        Lockdown lockdown = insert(Lockdown.real(id, estate.id(), version, now, user.actor()), incident);
        incidents.log(id, IncidentLogKinds.LOCKDOWN_STARTED, "policyVersion=" + version + " " + chosen.label(), user.actor());
        return lockdown;
    }

    /** Lifts the incident's lockdown now: the normal policy applies again from this minute. */
    @Transactional
    public void lift(IncidentId id, CurrentUser user) {
        runnable(id, user);
        Lockdown lockdown = lockdowns.inForceFor(id.value()).orElseThrow(() -> new NoLockdownInForce(id.value()));
        lift(lockdown, clock.instant(), user.actor());
    }

    /** EMG-11: the end of the incident lifts its lockdown, and nobody stays restricted by it. */
    @ApplicationModuleListener
    void on(IncidentEnded ended) {
        lockdowns.inForceFor(ended.incident().value()).ifPresent(l -> lift(l, ended.at(), INCIDENT_END_ACTOR));
        records.liftAll(ended.incident().value(), ended.at(), INCIDENT_END_ACTOR);
    }

    private void lift(Lockdown lockdown, Instant at, String actor) {
        lockdown.lift(at, actor);
        try {
            lockdowns.save(lockdown);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("lockdown", lockdown.id());
        }
        if (!lockdown.drill()) {
            policies.end(new PolicyVersionId(lockdown.policyVersionId()), at, actor);
        }
        incidents.log(lockdown.incident(), IncidentLogKinds.LOCKDOWN_LIFTED,
                lockdown.drill() ? "演练 / drill" : "policyVersion=" + lockdown.policyVersionId(), actor);
    }

    /** Two people locking the estate down at once: the second is told, and its version is rolled back with it. */
    private Lockdown insert(Lockdown lockdown, IncidentSummary incident) {
        try {
            return lockdowns.save(lockdown);
        } catch (DuplicateKeyException | DbActionExecutionException e) {
            throw new EstateAlreadyLockedDown(incident.estateName());
        }
    }

    IncidentSummary runnable(IncidentId id, CurrentUser user) {
        if (!user.can(EmergencyPermission.EMERGENCY_RUN)) {
            throw new NotPermittedException();
        }
        IncidentSummary incident = incidents.get(id, user);
        if (!incident.open()) {
            throw new IncidentNotOpen(id.value());
        }
        return incident;
    }
}
