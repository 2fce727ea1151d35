package com.estateguard.access.internal.rules;

import com.estateguard.access.Direction;
import com.estateguard.access.MovementRestrictions;
import com.estateguard.access.PassCheck;
import com.estateguard.access.internal.Evidence;
import com.estateguard.access.internal.LeavingParameters;
import com.estateguard.access.internal.VehicleEvidence;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyParameters;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * Everything a rule may look at for one person passing one entrance at one moment.
 *
 * @param localTime the moment in the estate's local time zone (curfews are local)
 * @param emergency the guard declared an emergency (e.g. to a hospital during curfew)
 * @param exception an outsider exception the entrant claims, e.g. "子女探视老人"
 * @param preRegistered the resident visited registered this visitor ahead with that exception (ACC-11)
 * @param passFailure why the scanned resident pass failed verification; null when it passed or none was scanned
 * @param inNatRegister whether the person is in the NAT comparison register; null when the policy does not ask
 * @param residentResolved whether a resident or tenant entering resolved to the estate's register (a valid pass,
 *        or their identified person in the residents register); null when not asked (other entrants, leaving)
 * @param restrictions what an incident restricts for this person passing (EMG-06, EMG-13); empty for most
 */
public record EntryContext(EntrantCategory category, Direction direction, Evidence evidence, VehicleEvidence vehicle,
                           PolicyParameters policy, boolean entranceOpen, Instant at, LocalTime localTime,
                           boolean emergency, String exception, boolean preRegistered, PassCheck.Failure passFailure,
                           Boolean inNatRegister, Boolean residentResolved, List<MovementRestrictions.Finding> restrictions) {

    public EntryContext {
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }

    /** No incident restricts the person. */
    public EntryContext(EntrantCategory category, Direction direction, Evidence evidence, VehicleEvidence vehicle,
                        PolicyParameters policy, boolean entranceOpen, Instant at, LocalTime localTime,
                        boolean emergency, String exception, boolean preRegistered, PassCheck.Failure passFailure,
                        Boolean inNatRegister, Boolean residentResolved) {
        this(category, direction, evidence, vehicle, policy, entranceOpen, at, localTime, emergency, exception, preRegistered,
                passFailure, inNatRegister, residentResolved, List.of());
    }

    /** The residents register was not asked. */
    public EntryContext(EntrantCategory category, Direction direction, Evidence evidence, VehicleEvidence vehicle,
                        PolicyParameters policy, boolean entranceOpen, Instant at, LocalTime localTime,
                        boolean emergency, String exception, boolean preRegistered, PassCheck.Failure passFailure,
                        Boolean inNatRegister) {
        this(category, direction, evidence, vehicle, policy, entranceOpen, at, localTime, emergency, exception, preRegistered,
                passFailure, inNatRegister, null);
    }

    /** The register was not looked up (the policy does not ask for it for this entrant). */
    public EntryContext(EntrantCategory category, Direction direction, Evidence evidence, VehicleEvidence vehicle,
                        PolicyParameters policy, boolean entranceOpen, Instant at, LocalTime localTime,
                        boolean emergency, String exception, boolean preRegistered, PassCheck.Failure passFailure) {
        this(category, direction, evidence, vehicle, policy, entranceOpen, at, localTime, emergency, exception, preRegistered,
                passFailure, null);
    }

    /** No resident pass was scanned, or it passed verification. */
    public EntryContext(EntrantCategory category, Direction direction, Evidence evidence, VehicleEvidence vehicle,
                        PolicyParameters policy, boolean entranceOpen, Instant at, LocalTime localTime,
                        boolean emergency, String exception, boolean preRegistered) {
        this(category, direction, evidence, vehicle, policy, entranceOpen, at, localTime, emergency, exception, preRegistered,
                null);
    }

    /** A walk-up entrant: nobody registered them ahead. */
    public EntryContext(EntrantCategory category, Direction direction, Evidence evidence, VehicleEvidence vehicle,
                        PolicyParameters policy, boolean entranceOpen, Instant at, LocalTime localTime,
                        boolean emergency, String exception) {
        this(category, direction, evidence, vehicle, policy, entranceOpen, at, localTime, emergency, exception, false);
    }

    public boolean entering() {
        return direction == Direction.IN;
    }

    /** ACC-15: the policy in force checks people leaving too (a group a hand-built policy may not carry: then no). */
    public boolean leavingChecked() {
        return policy.findGroup(LeavingParameters.class).map(LeavingParameters::checkLeaving).orElse(false);
    }
}
