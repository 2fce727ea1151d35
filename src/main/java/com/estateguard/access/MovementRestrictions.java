package com.estateguard.access;

import com.estateguard.healthdata.NatResult;
import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.List;

/**
 * The checkpoint's port to the people an incident restricts (ACC-15, EMG-06, EMG-13): a key-group
 * member leaving the estate without an approval, a recovered case coming back before the
 * protocol's monitoring days are over or without a negative NAT. The checkpoint owns this
 * interface and turns each finding into a refusal reason; the emergency module implements it.
 */
public interface MovementRestrictions {

    /**
     * One identified person passing one estate's gate.
     *
     * @param personKey    the keyed hash of their ID number, as the gate identified them
     * @param natSampledAt the NAT the gate holds for them (shown or from the registers), null if none
     */
    record Passage(EstateId estate, String personKey, Direction direction, Instant at, Instant natSampledAt,
                   NatResult natResult) {
    }

    enum Restriction {
        /** A managed person (key group, contacts) leaving without a leave approval in force. */
        LEAVE_NOT_APPROVED,
        /** A recovered case returning before the protocol's monitoring days after discharge are over. */
        RECOVERY_MONITORING,
        /** A recovered case returning without a negative NAT taken since discharge. */
        RECOVERY_NAT
    }

    /** @param detail the figures behind it, shown after the reason (e.g. the day monitoring ends) */
    record Finding(Restriction restriction, String detail) {
    }

    /** What restricts this passage; empty for almost everyone. */
    List<Finding> restrictionsOn(Passage passage);
}
