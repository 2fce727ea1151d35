package com.estateguard.emergency.internal.lockdown;

import com.estateguard.access.Direction;
import com.estateguard.access.GatePassages;
import com.estateguard.access.MovementRestrictions;
import com.estateguard.healthdata.NatResult;
import com.estateguard.policy.Policies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Answers the checkpoint's {@link MovementRestrictions}: leaving, a restricted person of a real
 * incident needs a leave approval in force (EMG-06); coming back, a recovered case needs the
 * policy's monitoring days since discharge and a negative NAT taken since (EMG-13), until the
 * gate has once let them in. Drills are never asked.
 */
@Service
class GateRestrictions implements MovementRestrictions {

    private final MovementRecords records;
    private final GatePassages passages;
    private final Policies policies;
    private final ZoneId zone;

    GateRestrictions(MovementRecords records, GatePassages passages, Policies policies, ZoneId zone) {
        this.records = records;
        this.passages = passages;
        this.policies = policies;
        this.zone = zone;
    }

    @Override
    public List<Finding> restrictionsOn(Passage passage) {
        long estate = passage.estate().value();
        if (passage.direction() == Direction.OUT) {
            return records.unapprovedAt(estate, passage.personKey(), passage.at()).stream().distinct()
                    .map(incident -> new Finding(Restriction.LEAVE_NOT_APPROVED, "#" + incident)).toList();
        }
        List<Finding> findings = new ArrayList<>();
        for (var recovery : records.recoveriesOf(estate, passage.personKey())) {
            findings.addAll(onReturn(recovery, passage));
        }
        return findings;
    }

    private List<Finding> onReturn(MovementRecords.RecoveryRow recovery, Passage passage) {
        Instant discharged = recovery.dischargedOn().atStartOfDay(zone).toInstant();
        if (passages.firstAfter(passage.estate(), passage.personKey(), Direction.IN, discharged).isPresent()) {
            return List.of();
        }
        var rule = policies.inForce(recovery.regionPath(), passage.at()).parameters().group(RecoveryParameters.class);
        LocalDate monitoredUntil = recovery.dischargedOn().plusDays(rule.monitoringDays());
        List<Finding> findings = new ArrayList<>();
        if (passage.at().atZone(zone).toLocalDate().isBefore(monitoredUntil)) {
            findings.add(new Finding(Restriction.RECOVERY_MONITORING,
                    recovery.dischargedOn() + " + " + rule.monitoringDays() + " → " + monitoredUntil));
        }
        boolean negativeSince = passage.natResult() == NatResult.NEGATIVE && passage.natSampledAt() != null
                && !passage.natSampledAt().isBefore(discharged);
        if (rule.negativeNatRequired() && !negativeSince) {
            findings.add(new Finding(Restriction.RECOVERY_NAT, "≥ " + recovery.dischargedOn()));
        }
        return findings;
    }
}
